namespace CareWorkspace.Domain.Medicines.Administration;

/// <summary>
/// When a dose is due and when it counts as missed: due from <see cref="DueBefore"/> before its time; missed once
/// <see cref="Grace"/> after its time has passed with nothing recorded (at exactly the end of the grace period it is
/// still due). A recorded dose is never missed.
/// </summary>
public static class MissedDoseRule
{
    public static readonly TimeSpan Grace = TimeSpan.FromMinutes(60);
    public static readonly TimeSpan DueBefore = TimeSpan.FromMinutes(60);

    public static DoseState StateOf(DateTimeOffset scheduledAt, AdministrationOutcome? recorded, DateTimeOffset now) => recorded switch
    {
        AdministrationOutcome.Given => DoseState.Given,
        AdministrationOutcome.NotGiven => DoseState.NotGiven,
        AdministrationOutcome.Refused => DoseState.Refused,
        _ when now > scheduledAt + Grace => DoseState.Missed,
        _ when now >= scheduledAt - DueBefore => DoseState.Due,
        _ => DoseState.Upcoming,
    };
}
