namespace CareWorkspace.Domain.Medicines.Checks;

/// <summary>Which check raised an alert when a drug was prescribed or imported.</summary>
public enum MedicationAlertKind
{
    /// <summary>The drug, or its ATC class, is in the patient's allergy (CAVE) register.</summary>
    Allergy,

    /// <summary>A drug–drug interaction rule matched the drug and one already on the list.</summary>
    Interaction,

    /// <summary>The same ATC level 4 or 5 is already on the list.</summary>
    DuplicateTherapy,

    /// <summary>The daily dose is above a rule's maximum.</summary>
    MaximumDose,
}
