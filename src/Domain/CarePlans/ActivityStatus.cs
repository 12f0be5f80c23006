namespace CareWorkspace.Domain.CarePlans;

/// <summary>Where a planned activity stands (the national CarePlan activity status).</summary>
public enum ActivityStatus
{
    NotStarted,
    Scheduled,
    InProgress,
    OnHold,
    Completed,
    Cancelled,
}
