namespace CareWorkspace.Domain.Medicines.Checks;

/// <summary>An alert among the drugs already on a list, with the entries it concerns (to show it next to each of them).</summary>
public sealed record MedicationListAlert(MedicationAlert Alert, IReadOnlyList<Guid> EntryIds);
