namespace CareWorkspace.Domain.Medicines;

/// <summary>What a prescriber enters for a local prescription: the drug, how it is taken (text and a structured daily dose), why, and for how long.</summary>
public sealed record LocalPrescription(
    string DrugName,
    string? AtcCode,
    string? Strength,
    string? Form,
    string? DoseText,
    decimal? DailyDoseAmount,
    string? DailyDoseUnit,
    bool AsNeeded,
    string? Route,
    string? Indication,
    DateOnly? Start,
    DateOnly? End,
    string? Organisation)
{
    /// <summary>The prescriber's name as shown on the entry; the name of the change stamp when not given.</summary>
    public string? Prescriber { get; init; }
}
