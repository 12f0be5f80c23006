namespace CareWorkspace.Domain.CarePlans;

/// <summary>
/// Which status may follow which: a draft becomes active or is revoked; an active plan is completed or revoked.
/// A completed or revoked plan is history and is not changed any more.
/// </summary>
public static class CarePlanLifecycle
{
    private static readonly Dictionary<CarePlanStatus, CarePlanStatus[]> Next = new()
    {
        [CarePlanStatus.Draft] = [CarePlanStatus.Active, CarePlanStatus.Revoked],
        [CarePlanStatus.Active] = [CarePlanStatus.Completed, CarePlanStatus.Revoked],
        [CarePlanStatus.Completed] = [],
        [CarePlanStatus.Revoked] = [],
    };

    public static IReadOnlyList<CarePlanStatus> AllowedAfter(CarePlanStatus status) => Next[status];

    public static bool MayMove(CarePlanStatus from, CarePlanStatus to) => Next[from].Contains(to);

    /// <summary>A draft or active plan can still be edited.</summary>
    public static bool IsOpen(CarePlanStatus status) => status is CarePlanStatus.Draft or CarePlanStatus.Active;
}
