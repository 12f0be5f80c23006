using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Rehabilitation;

namespace CareWorkspace.Web.Features.Rehabilitation;

/// <summary>The rehabilitation section of one patient: the current plan (if any), its logged sessions and adherence.</summary>
public sealed record RehabilitationView(
    Guid PatientId,
    string PatientName,
    RehabilitationPlanView? Plan,
    IReadOnlyList<SessionView> Sessions,
    IReadOnlyList<WeekAdherence> Weeks,
    RehabilitationPermissions Can,
    IReadOnlyList<UnitOption> Units,
    DateOnly Today)
{
    /// <summary>The patient's older plans, newest first: each replaced by the one made after it, and still readable.</summary>
    public IReadOnlyList<EarlierPlanSummary> EarlierPlans { get; init; } = [];
}

/// <summary>An older rehabilitation plan in the list: what it was and when the next plan replaced it.</summary>
public sealed record EarlierPlanSummary(Guid Id, RehabilitationKind Kind, string ResponsibleOrganisationName, DateOnly StartDate, string CreatedBy,
    DateTimeOffset CreatedAt, DateTimeOffset ReplacedAt);

/// <summary>An older plan opened to read: as it was last changed, its sessions and the weeks until it was replaced.</summary>
public sealed record EarlierPlanView(RehabilitationPlanView Plan, DateTimeOffset ReplacedAt, IReadOnlyList<SessionView> Sessions, IReadOnlyList<WeekAdherence> Weeks);

/// <summary>
/// The plan as it reads for the patient, the physiotherapist and the exercise sheet: everything needed to print it.
/// <see cref="Version"/> is the token an edit is based on.
/// </summary>
public sealed record RehabilitationPlanView(
    Guid Id,
    Guid Version,
    Guid PatientId,
    string PatientName,
    string PatientCpr,
    RehabilitationKind Kind,
    Guid ResponsibleOrganisationId,
    string ResponsibleOrganisationName,
    DateOnly StartDate,
    int ReviewIntervalWeeks,
    DateOnly NextReview,
    string? Purpose,
    IReadOnlyList<ExerciseView> Exercises,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    string? ChangedBy,
    DateTimeOffset? ChangedAt);

public sealed record ExerciseView(Guid Id, string Name, string? Instructions, int? Sets, int? Repetitions, int? DurationMinutes, int TimesPerWeek);

public sealed record SessionView(
    Guid Id,
    DateOnly Day,
    Guid? ExerciseId,
    string? ExerciseName,
    SessionOutcome Outcome,
    int? Pain,
    string? Note,
    string LoggedByName,
    UserRole LoggedByRole,
    DateTimeOffset LoggedAt)
{
    /// <summary>The token a correction is based on.</summary>
    public Guid Version { get; init; }

    /// <summary>The corrections, oldest first: who, when, each value before and after.</summary>
    public IReadOnlyList<SessionCorrection> Corrections { get; init; } = [];

    /// <summary>Whether the viewer may correct it: the one who logged it, or staff who may change the section (the service's rule).</summary>
    public bool CanCorrect { get; init; }
}

/// <summary>Which actions to offer: the same policy the service asks, so only buttons that will work are shown.</summary>
public sealed record RehabilitationPermissions(bool MakePlan, bool ChangePlan, bool LogSession, bool MessagePatient);

/// <summary>A municipal unit on the care team that can be made responsible for the training.</summary>
public sealed record UnitOption(Guid Id, string Name);

/// <summary>The plan as the editor sends it.</summary>
public sealed record RehabilitationPlanInput(
    RehabilitationKind Kind,
    Guid ResponsibleOrganisationId,
    DateOnly StartDate,
    int ReviewIntervalWeeks,
    string? Purpose,
    IReadOnlyList<ExerciseInput> Exercises);

/// <summary>A session as the log form sends it; a null exercise is the whole programme.</summary>
public sealed record SessionInput(DateOnly Day, Guid? ExerciseId, SessionOutcome Outcome, int? Pain, string? Note);
