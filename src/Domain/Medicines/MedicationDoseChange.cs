using CareWorkspace.Domain.Common;

namespace CareWorkspace.Domain.Medicines;

/// <summary>
/// One change of a medication's dose, kept in its history: the dose before and after (text, strength, structured daily
/// dose), from which day the new dose applies, why, by whom and when.
/// </summary>
public sealed class MedicationDoseChange
{
    public Guid Id { get; private set; } = Guid.NewGuid();
    public DateOnly From { get; private set; }
    public string? OldDoseText { get; private set; }
    public string? NewDoseText { get; private set; }
    public string? OldStrength { get; private set; }
    public string? NewStrength { get; private set; }
    public decimal? OldDailyDoseAmount { get; private set; }
    public string? OldDailyDoseUnit { get; private set; }
    public decimal? NewDailyDoseAmount { get; private set; }
    public string? NewDailyDoseUnit { get; private set; }
    public string Reason { get; private set; } = "";
    public string ChangedBy { get; private set; } = "";
    public DateTimeOffset ChangedAt { get; private set; }

    private MedicationDoseChange() { }

    internal MedicationDoseChange(MedicationEntry before, string newDoseText, string? newStrength, (decimal? Amount, string? Unit) newDaily,
        DateOnly from, string reason, ChangeStamp stamp)
    {
        From = from;
        OldDoseText = before.DoseText;
        OldStrength = before.Strength;
        (OldDailyDoseAmount, OldDailyDoseUnit) = (before.DailyDoseAmount, before.DailyDoseUnit);
        NewDoseText = newDoseText;
        NewStrength = newStrength;
        (NewDailyDoseAmount, NewDailyDoseUnit) = newDaily;
        Reason = reason;
        ChangedBy = Guard.Required(stamp.ByName, "Changed by", MedicationEntry.DrugNameMaxLength);
        ChangedAt = stamp.At.ToUniversalTime();
    }
}
