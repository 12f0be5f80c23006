using CareWorkspace.Domain.Medicines;

namespace CareWorkspace.Web.Features.Medicines.Reconciliation;

/// <summary>
/// One drug as the hospital clinician is typing it on the discharge list, with the problems found beside its fields. Kept
/// in the form until it is saved, so a refusal never loses what was typed.
/// </summary>
public sealed class DischargeLineInput
{
    public string? DrugName { get; set; }
    public string? AtcCode { get; set; }
    public string? Strength { get; set; }
    public string? Form { get; set; }
    public string? DoseText { get; set; }
    public decimal? DailyDoseAmount { get; set; }
    public string? DailyDoseUnit { get; set; }
    public bool AsNeeded { get; set; }
    public string? Route { get; set; }
    public string? Indication { get; set; }

    /// <summary>Why a field cannot be saved as typed, shown beside it; empty when the line is fine.</summary>
    public Dictionary<DischargeField, string> Problems { get; } = [];

    public static DischargeLineInput From(LocalPrescription drug) => new()
    {
        DrugName = drug.DrugName,
        AtcCode = drug.AtcCode,
        Strength = drug.Strength,
        Form = drug.Form,
        DoseText = drug.DoseText,
        DailyDoseAmount = drug.DailyDoseAmount,
        DailyDoseUnit = drug.DailyDoseUnit,
        AsNeeded = drug.AsNeeded,
        Route = drug.Route,
        Indication = drug.Indication,
    };

    public LocalPrescription ToPrescription() =>
        new(DrugName?.Trim() ?? "", AtcCode?.Trim().ToUpperInvariant(), Strength, Form, DoseText, DailyDoseAmount, DailyDoseUnit?.Trim(), AsNeeded, Route,
            Indication, null, null, null);
}

/// <summary>The fields of a discharge line a problem can be shown beside.</summary>
public enum DischargeField
{
    DrugName,
    AtcCode,
    DailyDose,
}
