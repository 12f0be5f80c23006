namespace CareWorkspace.Domain.Medicines.Reconciliation;

/// <summary>
/// A drug as the reconciliation compares it, from any of the three lists: its name and ATC code (how lines are matched),
/// its strength and dose (how a dose change is seen), and which line or entry it is (<paramref name="Id"/>) in which version
/// (<paramref name="VersionTag"/>, so a list that changed meanwhile is noticed).
/// </summary>
public sealed record ReconciledDrug(
    Guid Id,
    string DrugName,
    string? AtcCode,
    string? Strength,
    string? DoseText,
    decimal? DailyDoseAmount,
    string? DailyDoseUnit,
    string VersionTag)
{
    public string? Form { get; init; }
    public string? Route { get; init; }
    public string? Indication { get; init; }
    public bool AsNeeded { get; init; }

    /// <summary>A current entry as the reconciliation sees it; its version tag changes whenever the entry does.</summary>
    public static ReconciledDrug Of(MedicationEntry entry) =>
        new(entry.Id, entry.DrugName, entry.AtcCode, entry.Strength, entry.DoseText, entry.DailyDoseAmount, entry.DailyDoseUnit,
            entry.Source == MedicationSource.Local
                ? $"{entry.Version:N}"
                : $"{entry.SourceVersion}|{entry.SourceUpdatedAt?.UtcTicks}|{entry.Status}")
        {
            Form = entry.Form,
            Route = entry.Route,
            Indication = entry.Indication,
            AsNeeded = entry.AsNeeded,
        };
}
