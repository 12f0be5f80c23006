using System.Globalization;
using CareWorkspace.Domain.Common;

namespace CareWorkspace.Domain.CarePlans;

/// <summary>
/// The patient's own plan for a chronic condition (COPD, type 2 diabetes, chronic low back pain), made with the GP: the
/// conditions it addresses, its period and status, the goals agreed with the patient, the activities of each sector, notes.
/// Every change is a new <see cref="CarePlanVersion"/> (who, when, what, and the whole plan afterwards); a change based on an
/// older version than the stored one is refused as a stale edit.
/// </summary>
public sealed class CarePlan : AggregateRoot
{
    public const int TitleMaxLength = 200;
    public const int ConditionMaxLength = 200;
    public const int MaxConditions = 10;
    public const int MaxGoals = 50;
    public const int MaxActivities = 50;
    public const int MaxMeasurements = 30;
    public const int ChangedByMaxLength = 200;

    private readonly List<Goal> _goals = [];
    private readonly List<CarePlanActivity> _activities = [];
    private readonly List<CarePlanNote> _notes = [];
    private readonly List<CarePlanMeasurement> _measurements = [];
    private readonly List<CarePlanVersion> _versions = [];
    private List<string> _conditions = [];

    public Guid PatientId { get; private set; }
    public string Title { get; private set; } = "";
    public IReadOnlyList<string> Conditions => _conditions;
    public DateOnly Start { get; private set; }
    public DateOnly? End { get; private set; }
    public CarePlanStatus Status { get; private set; }
    public string? TemplateId { get; private set; }
    public string? TemplateVersion { get; private set; }
    public int Revision { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public string ChangedBy { get; private set; } = "";
    public DateTimeOffset ChangedAt { get; private set; }

    public IReadOnlyList<Goal> Goals => _goals.OrderBy(g => g.Order).ToList();
    public IReadOnlyList<CarePlanActivity> Activities => _activities.OrderBy(a => a.Order).ToList();
    public IReadOnlyList<CarePlanNote> Notes => _notes.OrderBy(n => n.WrittenAt).ToList();

    /// <summary>The measurements to follow during the plan: the template's to begin with, then as the care team changes them.</summary>
    public IReadOnlyList<CarePlanMeasurement> Measurements => _measurements.OrderBy(m => m.Order).ToList();

    /// <summary>The versions added by changes made on this instance (the stored history is read on its own).</summary>
    public IReadOnlyList<CarePlanVersion> NewVersions => _versions;

    public bool IsOpen => CarePlanLifecycle.IsOpen(Status);

    private CarePlan() { }

    /// <summary>A new plan in draft, with its first goals, activities and measurements to follow (from a template, or none).</summary>
    public static CarePlan Create(Guid patientId, CarePlanDetails details, IEnumerable<GoalInput> goals, IEnumerable<ActivityInput> activities,
        IEnumerable<MeasurementInput> measurements, ChangeStamp stamp, string? templateId = null, string? templateVersion = null)
    {
        if (patientId == Guid.Empty)
            throw new DomainException("A care plan belongs to a patient.");
        var plan = new CarePlan
        {
            PatientId = patientId,
            Status = CarePlanStatus.Draft,
            TemplateId = templateId,
            TemplateVersion = templateVersion,
            CreatedBy = Guard.Required(stamp.ByName, "Changed by", ChangedByMaxLength),
            CreatedAt = stamp.At.ToUniversalTime(),
        };
        plan.ApplyDetails(details);
        foreach (var goal in goals)
            plan.AddGoalUnrecorded(goal);
        foreach (var activity in activities)
            plan.AddActivityUnrecorded(activity);
        foreach (var measurement in measurements)
            plan.AddMeasurementUnrecorded(measurement);
        plan.Record(stamp, [new CarePlanChange(CarePlanChangeKind.Created, plan.Title)]);
        return plan;
    }

    public void ChangeDetails(Guid expectedVersion, CarePlanDetails details, ChangeStamp stamp)
    {
        RefuseStaleOrClosed(expectedVersion);
        ApplyDetails(details);
        Record(stamp, [new CarePlanChange(CarePlanChangeKind.DetailsChanged, Title)]);
    }

    public void ChangeStatus(Guid expectedVersion, CarePlanStatus status, ChangeStamp stamp)
    {
        RefuseStale(expectedVersion);
        if (!Enum.IsDefined(status) || !CarePlanLifecycle.MayMove(Status, status))
            throw new DomainException("A care plan that is {0} cannot become {1}.", Status, status);
        if (status == CarePlanStatus.Active && _goals.Count == 0)
            throw new DomainException("A care plan needs at least one goal before it becomes active.");
        if (status == CarePlanStatus.Completed && _goals.FirstOrDefault(g => !GoalAchievementRules.IsEvaluated(g.Achievement)) is { } open)
            throw new DomainException("Evaluate every goal (achieved or not achieved) before completing the plan; '{0}' is still open.", open.Description);
        Status = status;
        Record(stamp, [new CarePlanChange(CarePlanChangeKind.StatusChanged, Title, status.ToString())]);
    }

    public Goal AddGoal(Guid expectedVersion, GoalInput input, ChangeStamp stamp) =>
        Edit(expectedVersion, stamp, () => AddGoalUnrecorded(input), goal => [new(CarePlanChangeKind.GoalAdded, goal.Description)]);

    public void ChangeGoal(Guid expectedVersion, Guid goalId, GoalInput input, ChangeStamp stamp) =>
        Edit(expectedVersion, stamp, () =>
        {
            var goal = GoalById(goalId);
            RefuseDueBeforeStart(input.DueDate);
            List<CarePlanChange> changes = [new(CarePlanChangeKind.GoalChanged, Guard.Required(input.Description, "Goal", Goal.DescriptionMaxLength))];
            if (goal.Change(input))
                changes.Add(new CarePlanChange(CarePlanChangeKind.GoalAgreementWithdrawn, goal.Description));
            return changes;
        }, changes => changes);

    public void RemoveGoal(Guid expectedVersion, Guid goalId, ChangeStamp stamp) =>
        Edit(expectedVersion, stamp, () =>
        {
            var goal = GoalById(goalId);
            _goals.Remove(goal);
            return goal;
        }, goal => [new(CarePlanChangeKind.GoalRemoved, goal.Description)]);

    /// <summary>Records that the patient agreed to the goal, with the professional recording it and the time.</summary>
    public void AgreeGoal(Guid expectedVersion, Guid goalId, ChangeStamp stamp) =>
        Edit(expectedVersion, stamp, () =>
        {
            var goal = GoalById(goalId);
            goal.Agree(stamp);
            return goal;
        }, goal => [new(CarePlanChangeKind.GoalAgreed, goal.Description)]);

    public void ChangeGoalAchievement(Guid expectedVersion, Guid goalId, GoalAchievement achievement, ChangeStamp stamp) =>
        Edit(expectedVersion, stamp, () =>
        {
            var goal = GoalById(goalId);
            goal.MoveTo(achievement);
            return goal;
        }, goal => [new(CarePlanChangeKind.GoalAchievementChanged, goal.Description, achievement.ToString())]);

    public CarePlanActivity AddActivity(Guid expectedVersion, ActivityInput input, ChangeStamp stamp) =>
        Edit(expectedVersion, stamp, () => AddActivityUnrecorded(input), activity => [new(CarePlanChangeKind.ActivityAdded, activity.Description)]);

    public void ChangeActivity(Guid expectedVersion, Guid activityId, ActivityInput input, ChangeStamp stamp) =>
        Edit(expectedVersion, stamp, () =>
        {
            var activity = ActivityById(activityId);
            activity.Change(input);
            return activity;
        }, activity => [new(CarePlanChangeKind.ActivityChanged, activity.Description, activity.Status.ToString())]);

    public void RemoveActivity(Guid expectedVersion, Guid activityId, ChangeStamp stamp) =>
        Edit(expectedVersion, stamp, () =>
        {
            var activity = ActivityById(activityId);
            _activities.Remove(activity);
            return activity;
        }, activity => [new(CarePlanChangeKind.ActivityRemoved, activity.Description)]);

    public CarePlanMeasurement AddMeasurement(Guid expectedVersion, MeasurementInput input, ChangeStamp stamp) =>
        Edit(expectedVersion, stamp, () => AddMeasurementUnrecorded(input), measurement => [new(CarePlanChangeKind.MeasurementAdded, measurement.Name)]);

    public void ChangeMeasurement(Guid expectedVersion, Guid measurementId, MeasurementInput input, ChangeStamp stamp) =>
        Edit(expectedVersion, stamp, () =>
        {
            var measurement = MeasurementById(measurementId);
            measurement.Change(input);
            return measurement;
        }, measurement => [new(CarePlanChangeKind.MeasurementChanged, measurement.Name)]);

    public void RemoveMeasurement(Guid expectedVersion, Guid measurementId, ChangeStamp stamp) =>
        Edit(expectedVersion, stamp, () =>
        {
            var measurement = MeasurementById(measurementId);
            _measurements.Remove(measurement);
            return measurement;
        }, measurement => [new(CarePlanChangeKind.MeasurementRemoved, measurement.Name)]);

    public CarePlanNote AddNote(Guid expectedVersion, string? text, ChangeStamp stamp) =>
        Edit(expectedVersion, stamp, () =>
        {
            var note = new CarePlanNote(text, stamp);
            _notes.Add(note);
            return note;
        }, note => [new(CarePlanChangeKind.NoteAdded, Shorten(note.Text))]);

    public CarePlanSnapshot Snapshot() =>
        new(Title, [.. _conditions], Start, End, Status, TemplateId, TemplateVersion,
            Goals.Select(g => g.Snapshot()).ToList(), Activities.Select(a => a.Snapshot()).ToList(), Notes.Select(n => n.Snapshot()).ToList())
        {
            Measurements = Measurements.Select(m => m.Snapshot()).ToList(),
        };

    /// <summary>The values shown to an editor whose change came too late.</summary>
    public IReadOnlyDictionary<string, string?> Values() => new Dictionary<string, string?>
    {
        ["Title"] = Title,
        ["Status"] = Status.ToString(),
        ["Period"] = End is { } end ? $"{Start:yyyy-MM-dd} – {end:yyyy-MM-dd}" : Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["Goals"] = string.Join("; ", Goals.Select(g => $"{g.Description} ({g.MeasureName} {Sign(g.Comparator)} {g.Target.ToString(CultureInfo.InvariantCulture)} {g.Unit}, {g.Achievement})")),
        ["Activities"] = string.Join("; ", Activities.Select(a => $"{a.Description} ({a.Sector}, {a.Status})")),
        ["Measurements"] = string.Join("; ", Measurements.Select(m => $"{m.Name} ({m.Unit})")),
        ["Version"] = Revision.ToString(CultureInfo.InvariantCulture),
    };

    private static string Sign(GoalComparator comparator) => comparator switch
    {
        GoalComparator.AtMost => "≤",
        GoalComparator.AtLeast => "≥",
        _ => "=",
    };

    private void ApplyDetails(CarePlanDetails details)
    {
        var period = new Period(details.Start, details.End);
        var list = details.Conditions.Select(c => Guard.Optional(c, "Condition", ConditionMaxLength)).OfType<string>().Distinct().ToList();
        if (list.Count == 0)
            throw new DomainException("A care plan addresses at least one condition.");
        if (list.Count > MaxConditions)
            throw new DomainException("A care plan addresses at most {0} conditions.", MaxConditions);
        if (_goals.FirstOrDefault(g => g.DueDate < period.Start) is { } early)
            throw new DomainException("The goal '{0}' is due before the plan starts.", early.Description);
        Title = Guard.Required(details.Title, "Title", TitleMaxLength);
        _conditions = list;
        Start = period.Start;
        End = period.End;
    }

    private Goal AddGoalUnrecorded(GoalInput input)
    {
        if (_goals.Count >= MaxGoals)
            throw new DomainException("A care plan has at most {0} goals.", MaxGoals);
        RefuseDueBeforeStart(input.DueDate);
        var goal = new Goal(input, _goals.Count == 0 ? 1 : _goals.Max(g => g.Order) + 1);
        _goals.Add(goal);
        return goal;
    }

    private CarePlanActivity AddActivityUnrecorded(ActivityInput input)
    {
        if (_activities.Count >= MaxActivities)
            throw new DomainException("A care plan has at most {0} activities.", MaxActivities);
        var activity = new CarePlanActivity(input, _activities.Count == 0 ? 1 : _activities.Max(a => a.Order) + 1);
        _activities.Add(activity);
        return activity;
    }

    private CarePlanMeasurement AddMeasurementUnrecorded(MeasurementInput input)
    {
        if (_measurements.Count >= MaxMeasurements)
            throw new DomainException("A care plan follows at most {0} measurements.", MaxMeasurements);
        var measurement = new CarePlanMeasurement(input, _measurements.Count == 0 ? 1 : _measurements.Max(m => m.Order) + 1);
        _measurements.Add(measurement);
        return measurement;
    }

    private void RefuseDueBeforeStart(DateOnly? due)
    {
        if (due is { } d && d < Start)
            throw new DomainException("A goal cannot be due ({0:yyyy-MM-dd}) before the plan starts ({1:yyyy-MM-dd}).", d, Start);
    }

    private Goal GoalById(Guid goalId) =>
        _goals.SingleOrDefault(g => g.Id == goalId) ?? throw new DomainException("That goal is not in this care plan.");

    private CarePlanMeasurement MeasurementById(Guid measurementId) =>
        _measurements.SingleOrDefault(m => m.Id == measurementId) ?? throw new DomainException("That measurement is not in this care plan.");

    private CarePlanActivity ActivityById(Guid activityId) =>
        _activities.SingleOrDefault(a => a.Id == activityId) ?? throw new DomainException("That activity is not in this care plan.");

    /// <summary>One change to an open plan based on the version the editor opened, kept as a new version with what it changed.</summary>
    private T Edit<T>(Guid expectedVersion, ChangeStamp stamp, Func<T> change, Func<T, IReadOnlyList<CarePlanChange>> changes)
    {
        RefuseStaleOrClosed(expectedVersion);
        var changed = change();
        Record(stamp, changes(changed));
        return changed;
    }

    private void RefuseStaleOrClosed(Guid expectedVersion)
    {
        RefuseStale(expectedVersion);
        if (!IsOpen)
            throw new DomainException("A care plan that is {0} can no longer be changed.", Status);
    }

    private void RefuseStale(Guid expectedVersion)
    {
        if (Version != expectedVersion)
            throw new StaleEditException("This care plan", ChangedBy, ChangedAt, Values());
    }

    private void Record(ChangeStamp stamp, IReadOnlyList<CarePlanChange> changes)
    {
        ChangedBy = Guard.Required(stamp.ByName, "Changed by", ChangedByMaxLength);
        ChangedAt = stamp.At.ToUniversalTime();
        Revision++;
        Touch();
        _versions.Add(new CarePlanVersion(Id, Revision, ChangedBy, ChangedAt, changes, Snapshot()));
    }

    private static string Shorten(string text) => text.Length <= 100 ? text : text[..99] + "…";
}
