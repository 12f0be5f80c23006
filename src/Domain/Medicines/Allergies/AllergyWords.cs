namespace CareWorkspace.Domain.Medicines.Allergies;

/// <summary>
/// The English words the domain's messages and alerts use for an entry's status, severity and certainty; the screen
/// translates them like any other value of a message.
/// </summary>
public static class AllergyWords
{
    public static string Of(AllergyStatus status) => status switch
    {
        AllergyStatus.Active => "active",
        AllergyStatus.Resolved => "resolved",
        _ => "entered in error",
    };

    public static string Of(AllergySeverity severity) => severity switch
    {
        AllergySeverity.Mild => "mild",
        AllergySeverity.Moderate => "moderate",
        AllergySeverity.Severe => "severe",
        _ => "life-threatening",
    };

    public static string Of(AllergyCertainty certainty) => certainty == AllergyCertainty.Confirmed ? "confirmed" : "suspected";
}
