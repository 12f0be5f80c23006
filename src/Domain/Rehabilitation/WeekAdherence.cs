namespace CareWorkspace.Domain.Rehabilitation;

/// <summary>
/// One Copenhagen week (Monday to Sunday) of a rehabilitation plan: the exercise sessions the plan asks for, the
/// sessions credited (<see cref="RehabilitationAdherence"/> explains how), and what was logged.
/// </summary>
public sealed record WeekAdherence(
    DateOnly Monday,
    int IsoYear,
    int IsoWeek,
    int Planned,
    double Credited,
    int Done,
    int Partly,
    int NotDone,
    int? HighestPain,
    bool IsCurrent)
{
    /// <summary>The share of the planned sessions credited, 0–100.</summary>
    public int Percent => Planned == 0 ? 0 : (int)Math.Round(100 * Credited / Planned, MidpointRounding.AwayFromZero);

    public DateOnly Sunday => Monday.AddDays(6);
}
