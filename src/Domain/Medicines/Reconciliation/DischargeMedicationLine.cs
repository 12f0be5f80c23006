namespace CareWorkspace.Domain.Medicines.Reconciliation;

/// <summary>One drug on a discharge medication list, as the hospital wrote it.</summary>
public sealed class DischargeMedicationLine
{
    public Guid Id { get; private set; } = Guid.NewGuid();
    public int Position { get; private set; }

    /// <summary>The list's revision this line belongs to: a correction adds a new set of lines and keeps the earlier ones.</summary>
    public int Revision { get; private set; } = 1;
    public string DrugName { get; private set; } = "";
    public string AtcCode { get; private set; } = "";
    public string? Strength { get; private set; }
    public string? Form { get; private set; }
    public string? DoseText { get; private set; }
    public decimal? DailyDoseAmount { get; private set; }
    public string? DailyDoseUnit { get; private set; }
    public bool AsNeeded { get; private set; }
    public string? Route { get; private set; }
    public string? Indication { get; private set; }

    private DischargeMedicationLine() { }

    internal DischargeMedicationLine(int revision, int position, LocalPrescription drug, string atcCode, (decimal? Amount, string? Unit) dailyDose)
    {
        Revision = revision;
        Position = position;
        DrugName = Common.Guard.Required(drug.DrugName, "Drug name", MedicationEntry.DrugNameMaxLength);
        AtcCode = atcCode;
        Strength = Common.Guard.Optional(drug.Strength, "Strength", MedicationEntry.ShortTextMaxLength);
        Form = Common.Guard.Optional(drug.Form, "Form", MedicationEntry.ShortTextMaxLength);
        DoseText = Common.Guard.Optional(drug.DoseText, "Dose", MedicationEntry.TextMaxLength);
        (DailyDoseAmount, DailyDoseUnit) = dailyDose;
        AsNeeded = drug.AsNeeded;
        Route = Common.Guard.Optional(drug.Route, "Route", MedicationEntry.ShortTextMaxLength);
        Indication = Common.Guard.Optional(drug.Indication, "Indication", MedicationEntry.TextMaxLength);
    }

    /// <summary>The line as the reconciliation compares it; a line never changes (a correction adds new lines), so its version is fixed.</summary>
    public ReconciledDrug ToDrug() => new(Id, DrugName, AtcCode, Strength, DoseText, DailyDoseAmount, DailyDoseUnit, "1")
    {
        Form = Form,
        Route = Route,
        Indication = Indication,
        AsNeeded = AsNeeded,
    };

    /// <summary>The line as a local prescription, for when the GP accepts it onto the current list (from today).</summary>
    public LocalPrescription ToPrescription(DateOnly today) =>
        new(DrugName, AtcCode, Strength, Form, DoseText, DailyDoseAmount, DailyDoseUnit, AsNeeded, Route, Indication, today, null, null);
}
