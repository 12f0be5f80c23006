namespace CareWorkspace.Domain.Medicines.Checks;

/// <summary>How serious an alert is; the prescriber may override any of them, with a reason.</summary>
public enum AlertSeverity
{
    /// <summary>Worth knowing; usually no change needed.</summary>
    Minor,

    /// <summary>Needs monitoring or a dose adjustment.</summary>
    Moderate,

    /// <summary>Avoid the combination or the drug unless there is no alternative.</summary>
    Major,
}
