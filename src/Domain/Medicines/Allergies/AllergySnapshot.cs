namespace CareWorkspace.Domain.Medicines.Allergies;

/// <summary>The entry as it was after one change: what an earlier version shows when it is opened.</summary>
public sealed record AllergySnapshot(
    string? Substance,
    string? AtcCode,
    string? Reaction,
    AllergySeverity Severity,
    AllergyCertainty Certainty,
    AllergyStatus Status,
    string? StatusReason);
