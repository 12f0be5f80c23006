namespace CareWorkspace.Domain.Medicines.Allergies;

/// <summary>
/// One line of a version's summary: the kind and the value before and after (an enum by its code, texts as written).
/// Stored as kinds, not sentences, so each reader reads it in their language.
/// </summary>
public sealed record AllergyChange(AllergyChangeKind Kind, string? From = null, string? To = null);
