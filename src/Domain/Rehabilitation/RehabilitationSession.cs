using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Common;

namespace CareWorkspace.Domain.Rehabilitation;

/// <summary>
/// One training session the patient or a relative logs: the day, one exercise or the whole programme, how it went,
/// the pain felt (0–10, as on the numeric rating scale) and a note for the physiotherapist. A logged session is a record
/// of what happened and is not edited; a mistake is put right by logging the session again.
/// </summary>
public sealed class RehabilitationSession
{
    public const int NoteMaxLength = 1000;
    public const int MaxPain = 10;
    public const int NameMaxLength = 200;

    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid PlanId { get; private set; }
    public Guid PatientId { get; private set; }

    /// <summary>The Copenhagen day the training took place.</summary>
    public DateOnly Day { get; private set; }

    /// <summary>The exercise, or null for the whole programme.</summary>
    public Guid? ExerciseId { get; private set; }

    /// <summary>The exercise's name when logged, so the log still reads right after the exercise is renamed or removed.</summary>
    public string? ExerciseName { get; private set; }

    public SessionOutcome Outcome { get; private set; }
    public int? Pain { get; private set; }
    public string? Note { get; private set; }
    public string LoggedByUserId { get; private set; } = "";
    public string LoggedByName { get; private set; } = "";
    public UserRole LoggedByRole { get; private set; }
    public DateTimeOffset LoggedAt { get; private set; }

    public bool IsWholeProgramme => ExerciseId is null;

    private RehabilitationSession() { }

    private RehabilitationSession(RehabilitationPlan plan, Actor by, DateOnly day, Exercise? exercise, SessionOutcome outcome, int? pain,
        string? note, DateTimeOffset at)
    {
        PlanId = plan.Id;
        PatientId = plan.PatientId;
        Day = day;
        ExerciseId = exercise?.Id;
        ExerciseName = exercise?.Name;
        Outcome = outcome;
        Pain = pain;
        Note = Guard.Optional(note, "Note", NoteMaxLength);
        LoggedByUserId = by.UserId;
        LoggedByName = Guard.Required(by.DisplayName, "Logged by", NameMaxLength);
        LoggedByRole = by.Role;
        LoggedAt = at.ToUniversalTime();
    }

    /// <summary>
    /// Logs a session of <paramref name="plan"/>. Refused for a day in the future or before the plan starts, an exercise
    /// not in the plan, or a pain score outside 0–10; only the patient or a relative logs.
    /// </summary>
    public static RehabilitationSession Log(RehabilitationPlan plan, Actor by, DateOnly day, Guid? exerciseId, SessionOutcome outcome,
        int? pain, string? note, DateOnly today, DateTimeOffset at)
    {
        if (by.Role is not (UserRole.Patient or UserRole.Relative))
            throw new DomainException("Training sessions are logged by the patient or a relative.");
        if (!Enum.IsDefined(outcome))
            throw new DomainException("Say whether the training was done, partly done or not done.");
        if (day > today)
            throw new DomainException("A session cannot be logged for a day that has not come yet ({0}).", day);
        if (day < plan.StartDate)
            throw new DomainException("The plan starts on {0}; a session cannot be logged before that.", plan.StartDate);
        if (pain is { } p && (p < 0 || p > MaxPain))
            throw new DomainException("Pain is a number from 0 (no pain) to {0} (worst imaginable).", MaxPain);
        Exercise? exercise = null;
        if (exerciseId is { } id)
            exercise = plan.ExerciseById(id) ?? throw new DomainException("That exercise is not in the rehabilitation plan.");
        return new RehabilitationSession(plan, by, day, exercise, outcome, pain, note, at);
    }
}
