namespace CareWorkspace.Domain.Medicines;

/// <summary>
/// What a prescriber enters to change the dose of a current medication: how it is taken now (text, and a structured daily
/// dose for the dose check), the strength when it changes too, from which day, and why.
/// </summary>
public sealed record NewDose(
    string? DoseText,
    string? Strength,
    decimal? DailyDoseAmount,
    string? DailyDoseUnit,
    DateOnly From,
    string? Reason);
