using CareWorkspace.Domain.Triage;

namespace CareWorkspace.Infrastructure.Triage;

/// <summary>A visit's change form as the worker filled it in, to record.</summary>
/// <param name="ConfirmedUnusual">The unusual vital signs the worker has checked and confirmed.</param>
/// <param name="ConfirmedColour">The colour the worker confirms at once, or null to leave it for the triage meeting.</param>
public sealed record ChangeFormInput(
    IReadOnlyList<ItemAnswer> Answers,
    VitalSigns Vitals,
    IReadOnlyCollection<VitalSign>? ConfirmedUnusual = null,
    TriageColour? ConfirmedColour = null,
    string? DeviationReason = null);

/// <summary>A new action plan for a yellow or red citizen.</summary>
public sealed record ActionPlanInput(
    TriageColour Colour,
    string? Decision,
    string? Plan,
    DateTimeOffset? DueAt,
    string? ResponsibleName = null,
    Guid? ObservationId = null);

/// <summary>One recorded change form with its scores, suggestion and confirmed colour.</summary>
public sealed record ObservationView(
    Guid Id,
    Guid Version,
    Guid PatientId,
    Guid UnitId,
    string UnitName,
    DateTimeOffset RecordedAt,
    string RecordedByName,
    IReadOnlyList<ItemAnswer> Answers,
    VitalSigns Vitals,
    TriageSuggestion Suggestion,
    TriageColour? ConfirmedColour,
    string? ConfirmedByName,
    DateTimeOffset? ConfirmedAt,
    string? DeviationReason,
    TriageColour? PreviousColour)
{
    /// <summary>The colour that counts: confirmed, or the suggestion until confirmed.</summary>
    public TriageColour Colour => ConfirmedColour ?? Suggestion.Colour;

    public int? News2Total => Suggestion.News2?.Total;

    public int? TobsTotal => Suggestion.Tobs?.Total;
}

/// <summary>An action plan with what has been done on it and whether it is overdue now.</summary>
public sealed record ActionPlanView(
    Guid Id,
    Guid Version,
    Guid PatientId,
    Guid UnitId,
    Guid? ObservationId,
    TriageColour Colour,
    string Decision,
    string Plan,
    DateTimeOffset DueAt,
    string? ResponsibleName,
    string CreatedByName,
    DateTimeOffset CreatedAt,
    IReadOnlyList<ActionEntry> Entries,
    bool IsOpen,
    bool IsOverdue,
    bool IsStarted,
    DateOnly? LastFollowedUp,
    bool FollowedUpToday,
    DateTimeOffset? ClosedAt,
    string? ClosedByName,
    string? ClosingNote);

/// <summary>What the viewer may do in the citizen's triage.</summary>
public sealed record TriagePermissions(bool Record, bool Plan);

/// <summary>
/// A citizen's triage status (the pathway's triage section and header chip): the current colour (of the latest change
/// form, from any unit), that form, and the open action plans.
/// </summary>
public sealed record TriageStatusView(
    Guid PatientId,
    TriageColour? Colour,
    ObservationView? Latest,
    IReadOnlyList<ActionPlanView> OpenPlans,
    TriagePermissions Can,
    DateTimeOffset AsOf);

/// <summary>A citizen's change forms and action plans over time, oldest first (the history chart).</summary>
public sealed record TriageHistoryView(Guid PatientId, IReadOnlyList<ObservationView> Observations, IReadOnlyList<ActionPlanView> Plans);

/// <summary>The latest change form of a citizen on the board, with the trend from the one before.</summary>
public sealed record BoardObservation(
    Guid Id,
    DateTimeOffset RecordedAt,
    string RecordedByName,
    TriageColour Colour,
    TriageColour SuggestedColour,
    bool IsConfirmed,
    int? News2Total,
    int? TobsTotal,
    TriageColour? PreviousColour,
    int? PreviousNews2Total,
    int? PreviousTobsTotal,
    IReadOnlyList<ItemAnswer> ChangedItems);

/// <summary>
/// One citizen the unit serves, with the latest change form the unit recorded (null if none yet), its open action
/// plan and the unit's contact person for the citizen. <paramref name="BlockedByPatient"/>: the citizen blocked the triage
/// section from the viewer's organisation, so the card shows neither (only that something is blocked).
/// </summary>
public sealed record BoardCitizen(
    Guid PatientId,
    string Name,
    string? ContactPerson,
    BoardObservation? Latest,
    ActionPlanView? OpenPlan,
    bool BlockedByPatient = false)
{
    /// <summary>The board's column: the latest colour, green for a citizen not yet observed.</summary>
    public TriageColour Colour => Latest?.Colour ?? TriageColour.Green;

    public bool IsOverdue => OpenPlan?.IsOverdue ?? false;

    /// <summary>Whether the card shows nothing new against <paramref name="other"/>: the same name, change form and action plan.</summary>
    public bool ShowsTheSameAs(BoardCitizen other) =>
        PatientId == other.PatientId && Name == other.Name && ContactPerson == other.ContactPerson
        && Latest?.Id == other.Latest?.Id && Latest?.Colour == other.Latest?.Colour && Latest?.IsConfirmed == other.Latest?.IsConfirmed
        && OpenPlan?.Version == other.OpenPlan?.Version && BlockedByPatient == other.BlockedByPatient;
}

/// <summary>A unit's citizens with their latest change form: the triage board's and the recording page's list.</summary>
public sealed record TriageBoardView(Guid UnitId, string UnitName, IReadOnlyList<BoardCitizen> Citizens, TriagePermissions Can, DateTimeOffset AsOf);
