namespace CareWorkspace.Domain.Medicines.Administration;

/// <summary>Where one scheduled dose stands now.</summary>
public enum DoseState
{
    /// <summary>Later than the due window.</summary>
    Upcoming,

    /// <summary>Within the window around its time: to be given now.</summary>
    Due,

    /// <summary>The grace period after its time has passed and nothing was recorded.</summary>
    Missed,

    Given,
    NotGiven,
    Refused,
}
