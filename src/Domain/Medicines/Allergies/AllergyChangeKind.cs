namespace CareWorkspace.Domain.Medicines.Allergies;

/// <summary>What one change to an allergy entry did; the history shows it in the reader's language.</summary>
public enum AllergyChangeKind
{
    Recorded,
    SubstanceChanged,
    AtcCodeChanged,
    ReactionChanged,
    SeverityChanged,
    CertaintyChanged,
    StatusChanged,
}
