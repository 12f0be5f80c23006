using CareWorkspace.Domain.CarePlans;
using CareWorkspace.Domain.Common;

namespace CareWorkspace.Web.Features.CarePlans;

/// <summary>
/// One change a user makes to a plan, applied to the plan they opened (its version): every kind of change goes through the
/// same guard, stale-edit check, history and live notice in <see cref="CarePlanService.ChangeAsync"/>.
/// </summary>
public abstract record CarePlanEdit
{
    /// <summary>The English name of the change for the access log.</summary>
    public abstract string What { get; }

    internal abstract void Apply(CarePlan plan, Guid expectedVersion, ChangeStamp stamp);
}

public sealed record ChangePlanDetails(string? Title, IReadOnlyList<string> Conditions, DateOnly Start, DateOnly? End) : CarePlanEdit
{
    public override string What => "Changed care plan";

    internal override void Apply(CarePlan plan, Guid expectedVersion, ChangeStamp stamp) =>
        plan.ChangeDetails(expectedVersion, Title, Conditions, Start, End, stamp);
}

public sealed record ChangePlanStatus(CarePlanStatus Status) : CarePlanEdit
{
    public override string What => "Changed care plan status";

    internal override void Apply(CarePlan plan, Guid expectedVersion, ChangeStamp stamp) => plan.ChangeStatus(expectedVersion, Status, stamp);
}

public sealed record AddGoal(GoalInput Goal) : CarePlanEdit
{
    public override string What => "Added care plan goal";

    internal override void Apply(CarePlan plan, Guid expectedVersion, ChangeStamp stamp) => plan.AddGoal(expectedVersion, Goal, stamp);
}

public sealed record ChangeGoal(Guid GoalId, GoalInput Goal) : CarePlanEdit
{
    public override string What => "Changed care plan goal";

    internal override void Apply(CarePlan plan, Guid expectedVersion, ChangeStamp stamp) => plan.ChangeGoal(expectedVersion, GoalId, Goal, stamp);
}

public sealed record RemoveGoal(Guid GoalId) : CarePlanEdit
{
    public override string What => "Removed care plan goal";

    internal override void Apply(CarePlan plan, Guid expectedVersion, ChangeStamp stamp) => plan.RemoveGoal(expectedVersion, GoalId, stamp);
}

public sealed record AgreeGoal(Guid GoalId) : CarePlanEdit
{
    public override string What => "Agreed care plan goal with the patient";

    internal override void Apply(CarePlan plan, Guid expectedVersion, ChangeStamp stamp) => plan.AgreeGoal(expectedVersion, GoalId, stamp);
}

public sealed record ChangeGoalAchievement(Guid GoalId, GoalAchievement Achievement) : CarePlanEdit
{
    public override string What => "Changed care plan goal achievement";

    internal override void Apply(CarePlan plan, Guid expectedVersion, ChangeStamp stamp) =>
        plan.ChangeGoalAchievement(expectedVersion, GoalId, Achievement, stamp);
}

public sealed record AddActivity(ActivityInput Activity) : CarePlanEdit
{
    public override string What => "Added care plan activity";

    internal override void Apply(CarePlan plan, Guid expectedVersion, ChangeStamp stamp) => plan.AddActivity(expectedVersion, Activity, stamp);
}

public sealed record ChangeActivity(Guid ActivityId, ActivityInput Activity) : CarePlanEdit
{
    public override string What => "Changed care plan activity";

    internal override void Apply(CarePlan plan, Guid expectedVersion, ChangeStamp stamp) =>
        plan.ChangeActivity(expectedVersion, ActivityId, Activity, stamp);
}

public sealed record RemoveActivity(Guid ActivityId) : CarePlanEdit
{
    public override string What => "Removed care plan activity";

    internal override void Apply(CarePlan plan, Guid expectedVersion, ChangeStamp stamp) => plan.RemoveActivity(expectedVersion, ActivityId, stamp);
}

public sealed record AddNote(string? Text) : CarePlanEdit
{
    public override string What => "Added care plan note";

    internal override void Apply(CarePlan plan, Guid expectedVersion, ChangeStamp stamp) => plan.AddNote(expectedVersion, Text, stamp);
}
