using CareWorkspace.Domain.Common;

namespace CareWorkspace.Domain.Medicines.Reconciliation;

/// <summary>
/// The medication a hospital discharged the patient with, recorded by a hospital clinician. The GP reconciles it with the
/// current list once; then it is marked reconciled (by whom, when) and offered no more.
/// </summary>
public sealed class DischargeMedicationList
{
    public const int HospitalMaxLength = 300;

    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid PatientId { get; private set; }
    public string Hospital { get; private set; } = "";
    public DateOnly DischargedOn { get; private set; }
    public string RecordedBy { get; private set; } = "";
    public DateTimeOffset RecordedAt { get; private set; }
    public string? ReconciledBy { get; private set; }
    public DateTimeOffset? ReconciledAt { get; private set; }

    /// <summary>Concurrency token: changes when the list is reconciled, so two GPs cannot both finish it.</summary>
    public Guid Version { get; private set; } = Guid.NewGuid();

    private readonly List<DischargeMedicationLine> _lines = [];

    public IReadOnlyList<DischargeMedicationLine> Lines => _lines;

    private DischargeMedicationList() { }

    /// <summary>
    /// A discharge list: each drug needs its name and substance ATC code, a structured daily dose its UCUM unit, and no drug
    /// may be on it twice (the reconciliation could not tell which line the GP meant).
    /// </summary>
    public static DischargeMedicationList Record(Guid patientId, string hospital, DateOnly dischargedOn, IReadOnlyList<LocalPrescription> drugs,
        ChangeStamp stamp)
    {
        if (patientId == Guid.Empty)
            throw new DomainException("A discharge medication list belongs to a patient.");
        var list = new DischargeMedicationList
        {
            PatientId = patientId,
            Hospital = Guard.Required(hospital, "Hospital", HospitalMaxLength),
            DischargedOn = dischargedOn,
            RecordedBy = Guard.Required(stamp.ByName, "Changed by", MedicationEntry.DrugNameMaxLength),
            RecordedAt = stamp.At.ToUniversalTime(),
        };
        foreach (var drug in drugs)
        {
            var atc = AtcCode.Parse(drug.AtcCode);
            if (!AtcCode.IsSubstance(atc))
                throw new DomainException("'{0}' is an ATC class; a prescription needs the substance's full code (7 characters, e.g. M01AE01).", atc);
            if (list._lines.Any(l => l.AtcCode == atc))
                throw new DomainException("{0} ({1}) is on the discharge list twice. Write each drug once, with its whole dose.", drug.DrugName, atc);
            list._lines.Add(new DischargeMedicationLine(list._lines.Count + 1, drug, atc, MedicationEntry.DailyDose(drug.DailyDoseAmount, drug.DailyDoseUnit)));
        }
        return list;
    }

    /// <summary>The lines as the reconciliation compares them, in the hospital's order.</summary>
    public IReadOnlyList<ReconciledDrug> Drugs() => [.. _lines.OrderBy(l => l.Position).Select(l => l.ToDrug())];

    internal void MarkReconciled(ChangeStamp stamp)
    {
        if (ReconciledAt is { } at)
            throw new DomainException("This discharge list was already reconciled by {0} at {1}. Nothing was changed.", ReconciledBy, at);
        ReconciledBy = Guard.Required(stamp.ByName, "Changed by", MedicationEntry.DrugNameMaxLength);
        ReconciledAt = stamp.At.ToUniversalTime();
        Version = Guid.NewGuid();
    }
}
