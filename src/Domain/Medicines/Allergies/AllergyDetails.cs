namespace CareWorkspace.Domain.Medicines.Allergies;

/// <summary>What the clinician records about an allergy or intolerance: a substance, a drug class (ATC) or both.</summary>
public sealed record AllergyDetails(
    string? Substance,
    string? AtcCode,
    string? Reaction,
    AllergySeverity Severity,
    AllergyCertainty Certainty);
