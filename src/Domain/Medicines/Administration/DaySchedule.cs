using CareWorkspace.Domain.Common;

namespace CareWorkspace.Domain.Medicines.Administration;

/// <summary>
/// A resident's doses on one Copenhagen day, from the active medications that run that day: each scheduled time of
/// each medication's dose text (<see cref="DoseTimes"/>) at its instant that day (<see cref="CopenhagenTime.At"/>: on the
/// day the clocks go forward a time they skip moves an hour on; on the day they go back it is the first of the two).
/// </summary>
public static class DaySchedule
{
    public static IReadOnlyList<ScheduledDose> For(DateOnly day, IEnumerable<MedicationEntry> medications) =>
    [
        .. medications
            .Where(m => RunsOn(m, day))
            .SelectMany(m => DoseTimes.Of(m.DoseText, m.AsNeeded)
                .Select(time => new ScheduledDose(m.Id, m.DrugName, m.Strength, m.DoseText, m.Route, CopenhagenTime.At(day, time), time)))
            .OrderBy(d => d.At).ThenBy(d => d.DrugName, StringComparer.CurrentCultureIgnoreCase),
    ];

    /// <summary>Whether the medication is active and its start and end (inclusive) allow the day.</summary>
    public static bool RunsOn(MedicationEntry medication, DateOnly day) =>
        medication.Status == MedicationStatus.Active
        && (medication.Start is not { } start || start <= day)
        && (medication.End is not { } end || end >= day);

    /// <summary>Whether <paramref name="at"/> is one of the medication's scheduled instants on its Copenhagen day.</summary>
    public static bool IsScheduled(MedicationEntry medication, DateTimeOffset at)
    {
        var day = CopenhagenTime.DateOf(at);
        return For(day, [medication]).Any(d => d.At == at.ToUniversalTime());
    }
}
