namespace CareWorkspace.Domain.Medicines.Allergies;

/// <summary>Whether the allergy is suspected (from the history) or confirmed (by a reaction seen or a test).</summary>
public enum AllergyCertainty
{
    Suspected,
    Confirmed,
}
