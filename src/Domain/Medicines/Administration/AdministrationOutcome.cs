namespace CareWorkspace.Domain.Medicines.Administration;

/// <summary>What happened at a scheduled dose, as the staff member recorded it.</summary>
public enum AdministrationOutcome
{
    Given,

    /// <summary>Not given by staff (e.g. the resident was asleep or away); always with a reason.</summary>
    NotGiven,

    /// <summary>Offered, and the resident refused it.</summary>
    Refused,
}
