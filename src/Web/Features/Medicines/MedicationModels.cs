using CareWorkspace.Domain.Medicines;
using CareWorkspace.Domain.Medicines.Checks;
using CareWorkspace.Domain.NationalSync;

namespace CareWorkspace.Web.Features.Medicines;

/// <summary>One medication on the patient's list, with where it came from and when it was fetched.</summary>
public sealed record MedicationItem(
    Guid Id,
    string DrugName,
    string? Strength,
    string? Form,
    string? AtcCode,
    string? DoseText,
    bool AsNeeded,
    string? Route,
    string? Indication,
    DateOnly? Start,
    DateOnly? End,
    MedicationStatus Status,
    string? Prescriber,
    string? Organisation,
    MedicationSource Source,
    DateTimeOffset? FetchedAt)
{
    /// <summary>The entry's concurrency token: a pause, resume or stop names the version the user saw.</summary>
    public Guid Version { get; init; }

    public decimal? DailyDoseAmount { get; init; }
    public string? DailyDoseUnit { get; init; }

    /// <summary>The alerts the prescriber overrode, with the reason (shown on the entry).</summary>
    public IReadOnlyList<MedicationOverrideView> Overrides { get; init; } = [];

    /// <summary>The checks' alerts among the current drugs that concern this entry.</summary>
    public IReadOnlyList<MedicationAlertView> Alerts { get; init; } = [];

    /// <summary>The day the current dose applies from, when the dose was changed.</summary>
    public DateOnly? DoseFrom { get; init; }

    /// <summary>Every change of the dose, newest first.</summary>
    public IReadOnlyList<MedicationDoseChangeView> DoseChanges { get; init; } = [];
}

/// <summary>One change of a medication's dose: before and after, from when, why, by whom and when.</summary>
public sealed record MedicationDoseChangeView(DateOnly From, DoseView Old, DoseView New, string Reason, string By, DateTimeOffset At)
{
    public static MedicationDoseChangeView Of(MedicationDoseChange c) =>
        new(c.From, new DoseView(c.OldDoseText, c.OldStrength, c.OldDailyDoseAmount, c.OldDailyDoseUnit),
            new DoseView(c.NewDoseText, c.NewStrength, c.NewDailyDoseAmount, c.NewDailyDoseUnit), c.Reason, c.ChangedBy, c.ChangedAt);
}

/// <summary>A dose as written on the list: how it is taken, the strength and the structured daily dose.</summary>
public sealed record DoseView(string? Text, string? Strength, decimal? DailyAmount, string? DailyUnit);

/// <summary>A medication's dose as stored now, with its concurrency token and who changed it last.</summary>
public sealed record CurrentDose(Guid Version, string? DoseText, string? Strength, decimal? DailyDoseAmount, string? DailyDoseUnit, string? ChangedBy,
    DateTimeOffset? ChangedAt);

/// <summary>What the viewer may do in the medication section: prescribe locally, and change the dose of, pause, resume or stop a local medication.</summary>
public sealed record MedicationPermissions(bool Prescribe, bool Change)
{
    public static readonly MedicationPermissions None = new(false, false);
}

/// <summary>One alert of the checks, worded for the reader: why it fired, which rule, its advice and literature source.</summary>
public sealed record MedicationAlertView(MedicationAlertKind Kind, AlertSeverity Severity, string RuleId, string Why, string? Advice, string? Literature);

/// <summary>An overridden alert on an entry: which rule, how serious, the reason, by whom and when.</summary>
public sealed record MedicationOverrideView(MedicationAlertKind Kind, AlertSeverity Severity, string RuleId, string Reason, string By, DateTimeOffset At);

/// <summary>The medication section: current (active, paused) and recently stopped medications, and the record's freshness.</summary>
public sealed record MedicationView(
    IReadOnlyList<MedicationItem> Active,
    IReadOnlyList<MedicationItem> Paused,
    IReadOnlyList<MedicationItem> Stopped,
    SyncFreshness Record,
    DateOnly Today)
{
    public Guid PatientId { get; init; }

    public MedicationPermissions Can { get; init; } = MedicationPermissions.None;

    public bool IsEmpty => Active.Count == 0 && Paused.Count == 0 && Stopped.Count == 0;
}

/// <summary>
/// How a dose change went: saved (both null), refused with a message to show, or refused because someone else changed the
/// medication first (<see cref="Conflict"/> holds what is stored now; the message says who and when).
/// </summary>
public sealed record DoseChangeOutcome(string? Error, CurrentDose? Conflict)
{
    public static readonly DoseChangeOutcome Saved = new(null, null);
}
