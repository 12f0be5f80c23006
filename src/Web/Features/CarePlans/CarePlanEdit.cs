using CareWorkspace.Domain.CarePlans;
using CareWorkspace.Domain.Common;

namespace CareWorkspace.Web.Features.CarePlans;

/// <summary>
/// One change a user makes to a plan, applied to the plan they opened (its version): every kind of change goes through the
/// same guard, stale-edit check, history and live notice in <see cref="CarePlanService.ChangeAsync"/>.
/// </summary>
/// <param name="What">The English name of the change for the access log.</param>
public abstract record CarePlanEdit(string What)
{
    internal void Apply(CarePlan plan, Guid expectedVersion, ChangeStamp stamp)
    {
        switch (this)
        {
            case ChangePlanDetails d: plan.ChangeDetails(expectedVersion, d.Details, stamp); break;
            case ChangePlanStatus s: plan.ChangeStatus(expectedVersion, s.Status, stamp); break;
            case AddGoal g: plan.AddGoal(expectedVersion, g.Goal, stamp); break;
            case ChangeGoal g: plan.ChangeGoal(expectedVersion, g.GoalId, g.Goal, stamp); break;
            case RemoveGoal g: plan.RemoveGoal(expectedVersion, g.GoalId, stamp); break;
            case AgreeGoal g: plan.AgreeGoal(expectedVersion, g.GoalId, stamp); break;
            case ChangeGoalAchievement g: plan.ChangeGoalAchievement(expectedVersion, g.GoalId, g.Achievement, stamp); break;
            case AddActivity a: plan.AddActivity(expectedVersion, a.Activity, stamp); break;
            case ChangeActivity a: plan.ChangeActivity(expectedVersion, a.ActivityId, a.Activity, stamp); break;
            case RemoveActivity a: plan.RemoveActivity(expectedVersion, a.ActivityId, stamp); break;
            case AddMeasurement m: plan.AddMeasurement(expectedVersion, m.Measurement, stamp); break;
            case ChangeMeasurement m: plan.ChangeMeasurement(expectedVersion, m.MeasurementId, m.Measurement, stamp); break;
            case RemoveMeasurement m: plan.RemoveMeasurement(expectedVersion, m.MeasurementId, stamp); break;
            case AddNote n: plan.AddNote(expectedVersion, n.Text, stamp); break;
            default: throw new InvalidOperationException($"No care plan change is defined for {GetType().Name}.");
        }
    }
}

public sealed record ChangePlanDetails(CarePlanDetails Details) : CarePlanEdit("Changed care plan");

public sealed record ChangePlanStatus(CarePlanStatus Status) : CarePlanEdit("Changed care plan status");

public sealed record AddGoal(GoalInput Goal) : CarePlanEdit("Added care plan goal");

public sealed record ChangeGoal(Guid GoalId, GoalInput Goal) : CarePlanEdit("Changed care plan goal");

public sealed record RemoveGoal(Guid GoalId) : CarePlanEdit("Removed care plan goal");

public sealed record AgreeGoal(Guid GoalId) : CarePlanEdit("Agreed care plan goal with the patient");

public sealed record ChangeGoalAchievement(Guid GoalId, GoalAchievement Achievement) : CarePlanEdit("Changed care plan goal achievement");

public sealed record AddActivity(ActivityInput Activity) : CarePlanEdit("Added care plan activity");

public sealed record ChangeActivity(Guid ActivityId, ActivityInput Activity) : CarePlanEdit("Changed care plan activity");

public sealed record RemoveActivity(Guid ActivityId) : CarePlanEdit("Removed care plan activity");

public sealed record AddNote(string? Text) : CarePlanEdit("Added care plan note");

public sealed record AddMeasurement(MeasurementInput Measurement) : CarePlanEdit("Added care plan measurement to follow");

public sealed record ChangeMeasurement(Guid MeasurementId, MeasurementInput Measurement) : CarePlanEdit("Changed care plan measurement to follow");

public sealed record RemoveMeasurement(Guid MeasurementId) : CarePlanEdit("Removed care plan measurement to follow");
