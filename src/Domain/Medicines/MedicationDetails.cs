namespace CareWorkspace.Domain.Medicines;

/// <summary>What a medication entry says: the drug, how it is taken, why, for how long and who prescribed it.</summary>
public sealed record MedicationDetails(
    string DrugName,
    string? Strength,
    string? Form,
    string? AtcCode,
    string? DoseText,
    bool AsNeeded,
    string? Route,
    string? Indication,
    DateOnly? Start,
    DateOnly? End,
    MedicationStatus Status,
    string? Prescriber,
    string? Organisation);
