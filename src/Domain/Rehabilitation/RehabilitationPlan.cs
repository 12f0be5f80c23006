using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Common;

namespace CareWorkspace.Domain.Rehabilitation;

/// <summary>
/// The rehabilitation plan (genoptræningsplan) a patient leaves hospital with: general or specialised, the municipal
/// rehabilitation unit responsible for the training, when it starts, how often the unit reviews progress, and the
/// exercises to do at home. Made by the hospital at discharge; the unit's physiotherapist may adjust the exercises.
/// The sessions the patient logs are <see cref="RehabilitationSession"/>s, kept apart so that logging never makes an
/// open editor's version stale.
/// </summary>
public sealed class RehabilitationPlan : AggregateRoot
{
    public const int PurposeMaxLength = 2000;
    public const int ChangedByMaxLength = 200;
    public const int MaxExercises = 30;
    public const int MaxReviewIntervalWeeks = 26;

    private readonly List<Exercise> _exercises = [];
    private List<ExercisesInForce> _exerciseHistory = [];

    public Guid PatientId { get; private set; }
    public RehabilitationKind Kind { get; private set; }
    public Guid ResponsibleOrganisationId { get; private set; }
    public DateOnly StartDate { get; private set; }
    public int ReviewIntervalWeeks { get; private set; }

    /// <summary>What the training aims at, in the hospital's words (e.g. "walk to the shop without a rest").</summary>
    public string? Purpose { get; private set; }

    public IReadOnlyList<Exercise> Exercises => _exercises;

    /// <summary>The programme from each change on, oldest first (the first from the beginning).</summary>
    public IReadOnlyList<ExercisesInForce> ExerciseHistory => _exerciseHistory;

    public string CreatedBy { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public string? ChangedBy { get; private set; }
    public DateTimeOffset? ChangedAt { get; private set; }

    private RehabilitationPlan() { }

    private RehabilitationPlan(Guid patientId, ChangeStamp stamp)
    {
        PatientId = patientId;
        CreatedBy = Guard.Required(stamp.ByName, "Made by", ChangedByMaxLength);
        CreatedAt = stamp.At.ToUniversalTime();
    }

    /// <summary>The hospital makes the plan at discharge.</summary>
    public static RehabilitationPlan Make(Actor author, Guid patientId, RehabilitationPlanDetails details,
        IReadOnlyList<ExerciseInput> exercises, ChangeStamp stamp)
    {
        if (patientId == Guid.Empty)
            throw new DomainException("A rehabilitation plan belongs to a patient.");
        RefuseNonProfessional(author);
        var plan = new RehabilitationPlan(patientId, stamp);
        plan.Apply(details, exercises);
        plan._exerciseHistory = [new ExercisesInForce(DateOnly.MinValue, plan.Planned())];
        return plan;
    }

    /// <summary>Changes the plan, based on the version the editor opened; a stale edit is refused with the values now stored.</summary>
    public void Change(Actor author, Guid expectedVersion, RehabilitationPlanDetails details, IReadOnlyList<ExerciseInput> exercises, ChangeStamp stamp)
    {
        RefuseNonProfessional(author);
        if (Version != expectedVersion)
            throw new StaleEditException("The rehabilitation plan", ChangedBy ?? CreatedBy, ChangedAt ?? CreatedAt, Values());
        // A plan made before the programme's history was kept: what it asked for until now is what it asks for today.
        List<ExercisesInForce> history = _exerciseHistory.Count == 0 ? [new ExercisesInForce(DateOnly.MinValue, Planned())] : [.. _exerciseHistory];
        Apply(details, exercises);
        var from = CopenhagenTime.DateOf(stamp.At);
        history.RemoveAll(h => h.From >= from && h.From != DateOnly.MinValue);
        history.Add(new ExercisesInForce(from, Planned()));
        _exerciseHistory = history;
        ChangedBy = Guard.Required(stamp.ByName, "Changed by", ChangedByMaxLength);
        ChangedAt = stamp.At.ToUniversalTime();
    }

    /// <summary>The exercises the plan asked for on <paramref name="day"/>: as last changed on or before that day.</summary>
    public IReadOnlyList<PlannedExercise> ExercisesOn(DateOnly day) =>
        _exerciseHistory.LastOrDefault(h => h.From <= day)?.Exercises ?? Planned();

    public Exercise? ExerciseById(Guid id) => _exercises.Find(e => e.Id == id);

    /// <summary>How many exercise sessions a full week asks for: the sum of each exercise's times per week.</summary>
    public int PlannedPerWeek => _exercises.Sum(e => e.TimesPerWeek);

    /// <summary>The review dates: every <see cref="ReviewIntervalWeeks"/> weeks from the start; the first one on or after <paramref name="today"/>.</summary>
    public DateOnly NextReview(DateOnly today)
    {
        var first = StartDate.AddDays(7 * ReviewIntervalWeeks);
        if (today <= first)
            return first;
        var intervals = (today.DayNumber - first.DayNumber + 7 * ReviewIntervalWeeks - 1) / (7 * ReviewIntervalWeeks);
        return first.AddDays(7 * ReviewIntervalWeeks * intervals);
    }

    public RehabilitationPlanDetails Details => new(Kind, ResponsibleOrganisationId, StartDate, ReviewIntervalWeeks, Purpose);

    private void Apply(RehabilitationPlanDetails details, IReadOnlyList<ExerciseInput> exercises)
    {
        if (!Enum.IsDefined(details.Kind))
            throw new DomainException("Choose general or specialised rehabilitation.");
        if (details.ResponsibleOrganisationId == Guid.Empty)
            throw new DomainException("Choose the municipal rehabilitation unit responsible for the training.");
        if (details.ReviewIntervalWeeks < 1 || details.ReviewIntervalWeeks > MaxReviewIntervalWeeks)
            throw new DomainException("The review interval is 1 to {0} weeks.", MaxReviewIntervalWeeks);
        if (exercises.Count == 0)
            throw new DomainException("A rehabilitation plan needs at least one exercise.");
        if (exercises.Count > MaxExercises)
            throw new DomainException("A rehabilitation plan has at most {0} exercises.", MaxExercises);
        var purpose = Guard.Optional(details.Purpose, "Purpose", PurposeMaxLength);

        // Every exercise is checked before anything changes, so a refused edit leaves the plan as it was.
        var kept = new List<Exercise>();
        var checkedExercises = exercises.Select((input, i) =>
        {
            var exercise = input.Id is { } id ? _exercises.Find(e => e.Id == id) : null;
            var candidate = new Exercise(input, i);
            return (Existing: exercise, Input: input, Position: i, Candidate: candidate);
        }).ToList();
        foreach (var (existing, input, position, candidate) in checkedExercises)
        {
            if (existing is null)
            {
                kept.Add(candidate);
                continue;
            }
            existing.Apply(input, position);
            kept.Add(existing);
        }
        Kind = details.Kind;
        ResponsibleOrganisationId = details.ResponsibleOrganisationId;
        StartDate = details.StartDate;
        ReviewIntervalWeeks = details.ReviewIntervalWeeks;
        Purpose = purpose;
        _exercises.Clear();
        _exercises.AddRange(kept);
    }

    private List<PlannedExercise> Planned() => _exercises.Select(e => new PlannedExercise(e.Id, e.Name, e.TimesPerWeek)).ToList();

    private static void RefuseNonProfessional(Actor author)
    {
        if (!author.IsHealthProfessional)
            throw new DomainException("A rehabilitation plan is made and changed by the health professionals.");
    }

    private Dictionary<string, string?> Values() => new()
    {
        ["Kind"] = Kind.ToString(),
        ["Start date"] = StartDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["Review interval (weeks)"] = ReviewIntervalWeeks.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Exercises"] = string.Join(", ", _exercises.Select(e => e.Name)),
    };
}
