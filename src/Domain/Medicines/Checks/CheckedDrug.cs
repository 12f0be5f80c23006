namespace CareWorkspace.Domain.Medicines.Checks;

/// <summary>
/// A drug as the checks see it: the one being prescribed or imported, or one already on the patient's list.
/// The daily dose is in <see cref="DoseUnit"/> (a UCUM unit such as "mg"); both are null when the dose is free text only.
/// </summary>
public sealed record CheckedDrug(string DrugName, string? AtcCode, decimal? DailyDose = null, string? DoseUnit = null, Guid? EntryId = null);
