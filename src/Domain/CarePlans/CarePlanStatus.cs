namespace CareWorkspace.Domain.CarePlans;

/// <summary>Where a care plan stands (the national CarePlan status, without the states nobody here uses).</summary>
public enum CarePlanStatus
{
    Draft,
    Active,
    Completed,
    Revoked,
}
