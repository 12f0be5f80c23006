using System.Globalization;
using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Common;

namespace CareWorkspace.Domain.Rehabilitation;

/// <summary>
/// One training session the patient or a relative logs: the day, one exercise or the whole programme, how it went,
/// the pain felt (0–10, as on the numeric rating scale) and a note for the physiotherapist. A logged session is a record
/// of what happened: a mistake is put right by a <see cref="Correct">correction</see> from the one who logged it or the care
/// staff, and every correction is kept with the values before and after.
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

    /// <summary>Changes with every correction, so that a correction based on an older reading is refused.</summary>
    public Guid Version { get; private set; } = Guid.NewGuid();

    private List<SessionCorrection> _corrections = [];

    /// <summary>The corrections, oldest first.</summary>
    public IReadOnlyList<SessionCorrection> Corrections => _corrections;

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
        var exercise = Check(plan, day, exerciseId, outcome, pain, today);
        return new RehabilitationSession(plan, by, day, exercise, outcome, pain, note, at);
    }

    /// <summary>
    /// Corrects the session, based on the version the corrector read: by the one who logged it, or by a health professional
    /// (the service has asked the guard whether they may change the section). The same rules as logging; a correction that
    /// changes nothing, or one based on an older version, is refused. The values before and after are kept.
    /// </summary>
    public SessionCorrection Correct(RehabilitationPlan plan, Actor by, Guid expectedVersion, DateOnly day, Guid? exerciseId, SessionOutcome outcome,
        int? pain, string? note, DateOnly today, DateTimeOffset at)
    {
        if (by.UserId != LoggedByUserId && !by.IsHealthProfessional)
            throw new DomainException("A logged session is corrected by the one who logged it or by the care staff.");
        if (plan.Id != PlanId)
            throw new DomainException("That session belongs to another rehabilitation plan.");
        if (Version != expectedVersion)
        {
            var last = _corrections.Count == 0 ? null : _corrections[^1];
            throw new StaleEditException("The training session", last?.ByName ?? LoggedByName, last?.At ?? LoggedAt, Values());
        }
        // An exercise since removed from the plan may stay as it was logged.
        var exercise = Check(plan, day, exerciseId == ExerciseId ? null : exerciseId, outcome, pain, today);
        var exerciseName = exerciseId == ExerciseId ? ExerciseName : exercise?.Name;
        var newNote = Guard.Optional(note, "Note", NoteMaxLength);
        var changes = new List<SessionFieldChange>();
        if (day != Day)
            changes.Add(new(SessionField.Day, Iso(Day), Iso(day)));
        if (exerciseId != ExerciseId)
            changes.Add(new(SessionField.Exercise, ExerciseName, exerciseName));
        if (outcome != Outcome)
            changes.Add(new(SessionField.Outcome, Outcome.ToString(), outcome.ToString()));
        if (pain != Pain)
            changes.Add(new(SessionField.Pain, Number(Pain), Number(pain)));
        if (newNote != Note)
            changes.Add(new(SessionField.Note, Note, newNote));
        if (changes.Count == 0)
            throw new DomainException("Nothing was changed in the session.");
        var correction = new SessionCorrection(at.ToUniversalTime(), Guard.Required(by.UserId, "Corrected by", 450),
            Guard.Required(by.DisplayName, "Corrected by", NameMaxLength), changes);
        Day = day;
        ExerciseId = exerciseId;
        ExerciseName = exerciseName;
        Outcome = outcome;
        Pain = pain;
        Note = newNote;
        _corrections = [.. _corrections, correction];
        Version = Guid.NewGuid();
        return correction;
    }

    private static Exercise? Check(RehabilitationPlan plan, DateOnly day, Guid? exerciseId, SessionOutcome outcome, int? pain, DateOnly today)
    {
        if (!Enum.IsDefined(outcome))
            throw new DomainException("Say whether the training was done, partly done or not done.");
        if (day > today)
            throw new DomainException("A session cannot be logged for a day that has not come yet ({0}).", day);
        if (day < plan.StartDate)
            throw new DomainException("The plan starts on {0}; a session cannot be logged before that.", plan.StartDate);
        if (pain is { } p && (p < 0 || p > MaxPain))
            throw new DomainException("Pain is a number from 0 (no pain) to {0} (worst imaginable).", MaxPain);
        if (exerciseId is not { } id)
            return null;
        return plan.ExerciseById(id) ?? throw new DomainException("That exercise is not in the rehabilitation plan.");
    }

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string? Number(int? value) => value?.ToString(CultureInfo.InvariantCulture);

    private Dictionary<string, string?> Values() => new()
    {
        ["Day"] = Iso(Day),
        ["Exercise"] = ExerciseName,
        ["Outcome"] = Outcome.ToString(),
        ["Pain"] = Number(Pain),
        ["Note"] = Note,
    };
}
