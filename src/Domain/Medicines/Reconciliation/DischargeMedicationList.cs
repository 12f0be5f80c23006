using CareWorkspace.Domain.Common;

namespace CareWorkspace.Domain.Medicines.Reconciliation;

/// <summary>
/// The medication a hospital discharged the patient with, recorded by a hospital clinician. The GP reconciles it with the
/// current list once; then it is marked reconciled (by whom, when) and offered no more. Until then a hospital clinician may
/// correct it (a new revision of its lines; the earlier ones are kept) or withdraw it, each with a reason that is kept.
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

    /// <summary>1 as recorded; each correction adds one.</summary>
    public int Revision { get; private set; } = 1;

    public string? WithdrawnBy { get; private set; }
    public DateTimeOffset? WithdrawnAt { get; private set; }
    public string? WithdrawalReason { get; private set; }

    /// <summary>Concurrency token: changes when the list is reconciled, corrected or withdrawn, so those cannot race each other.</summary>
    public Guid Version { get; private set; } = Guid.NewGuid();

    private readonly List<DischargeMedicationLine> _lines = [];
    private readonly List<DischargeListChange> _changes = [];

    /// <summary>Every line of every revision (the earlier revisions are the history of corrections).</summary>
    public IReadOnlyList<DischargeMedicationLine> Lines => _lines;

    /// <summary>The lines of the current revision, in the hospital's order.</summary>
    public IReadOnlyList<DischargeMedicationLine> CurrentLines => [.. _lines.Where(l => l.Revision == Revision).OrderBy(l => l.Position)];

    /// <summary>Each correction and the withdrawal, oldest first.</summary>
    public IReadOnlyList<DischargeListChange> Changes => _changes;

    /// <summary>The latest correction, if the list was corrected.</summary>
    public DischargeListChange? LastCorrection => _changes.Where(c => c.Kind == DischargeListChangeKind.Corrected).MaxBy(c => c.Revision);

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
        list._lines.AddRange(LinesOf(1, drugs));
        return list;
    }

    /// <summary>
    /// Replaces the lines (and the discharge date) with a corrected version while the GP has not finished reconciling; the
    /// earlier lines are kept under their revision. <paramref name="seenRevision"/> is the revision the clinician corrected:
    /// if someone changed the list after that, nothing is changed.
    /// </summary>
    public void Correct(int seenRevision, DateOnly dischargedOn, IReadOnlyList<LocalPrescription> drugs, string? reason, ChangeStamp stamp)
    {
        DemandOpen(seenRevision);
        var why = Reason(reason, "Write why the discharge list is corrected, so the GP knows what changed.");
        if (drugs.Count == 0)
            throw new DomainException("A discharge medication list needs at least one drug.");
        var lines = LinesOf(Revision + 1, drugs);
        Revision++;
        DischargedOn = dischargedOn;
        _lines.AddRange(lines);
        _changes.Add(new DischargeListChange(DischargeListChangeKind.Corrected, Revision, why, stamp));
        Version = Guid.NewGuid();
    }

    /// <summary>Withdraws the list while the GP has not finished reconciling it: it is offered no more, and the reason is kept.</summary>
    public void Withdraw(int seenRevision, string? reason, ChangeStamp stamp)
    {
        DemandOpen(seenRevision);
        var why = Reason(reason, "Write why the discharge list is withdrawn, so the GP knows.");
        _changes.Add(new DischargeListChange(DischargeListChangeKind.Withdrawn, Revision, why, stamp));
        WithdrawnBy = _changes[^1].ChangedBy;
        WithdrawnAt = _changes[^1].ChangedAt;
        WithdrawalReason = why;
        Version = Guid.NewGuid();
    }

    /// <summary>The lines as the reconciliation compares them: the current revision, in the hospital's order.</summary>
    public IReadOnlyList<ReconciledDrug> Drugs() => [.. CurrentLines.Select(l => l.ToDrug())];

    internal void MarkReconciled(ChangeStamp stamp)
    {
        if (ReconciledAt is { } at)
            throw new DomainException("This discharge list was already reconciled by {0} at {1}. Nothing was changed.", ReconciledBy, at);
        DemandNotWithdrawn();
        ReconciledBy = Guard.Required(stamp.ByName, "Changed by", MedicationEntry.DrugNameMaxLength);
        ReconciledAt = stamp.At.ToUniversalTime();
        Version = Guid.NewGuid();
    }

    /// <summary>The GP is not offered a withdrawn list; one who had it open when it was withdrawn is told by whom and why.</summary>
    internal void DemandNotWithdrawn()
    {
        if (WithdrawnAt is { } at)
            throw new DomainException("{0} withdrew this discharge list at {1}: \"{2}\". Nothing was changed.", WithdrawnBy, at, WithdrawalReason);
    }

    private void DemandOpen(int seenRevision)
    {
        if (ReconciledAt is { } reconciledAt)
        {
            throw new DomainException("This discharge list was reconciled by {0} at {1}, so it can no longer be corrected or withdrawn. Nothing was changed; if the medication is different, record a new discharge list.",
                ReconciledBy, reconciledAt);
        }
        if (WithdrawnAt is { } withdrawnAt)
            throw new DomainException("{0} withdrew this discharge list at {1}, so it can no longer be corrected or withdrawn. Nothing was changed.", WithdrawnBy, withdrawnAt);
        if (seenRevision == Revision)
            return;
        if (LastCorrection is not { } last)
            throw new DomainException("This is not a version of the discharge list you could have opened. Nothing was changed.");
        throw new DomainException("{0} corrected this discharge list at {1} after you opened it. Yours was not saved; what you wrote is still here. Check their version, then save again.",
            last.ChangedBy, last.ChangedAt);
    }

    private static string Reason(string? reason, string missing)
    {
        var trimmed = reason?.Trim();
        if (string.IsNullOrEmpty(trimmed))
            throw new DomainException(missing);
        return Guard.Required(trimmed, "Reason", DischargeListChange.ReasonMaxLength);
    }

    /// <summary>
    /// Each drug needs its name and substance ATC code, a structured daily dose its UCUM unit, and no drug may be on the list
    /// twice (the reconciliation could not tell which line the GP meant).
    /// </summary>
    private static List<DischargeMedicationLine> LinesOf(int revision, IReadOnlyList<LocalPrescription> drugs)
    {
        var lines = new List<DischargeMedicationLine>();
        foreach (var drug in drugs)
        {
            var atc = AtcCode.Parse(drug.AtcCode);
            if (!AtcCode.IsSubstance(atc))
                throw new DomainException("'{0}' is an ATC class; a prescription needs the substance's full code (7 characters, e.g. M01AE01).", atc);
            if (lines.Any(l => l.AtcCode == atc))
                throw new DomainException("{0} ({1}) is on the discharge list twice. Write each drug once, with its whole dose.", drug.DrugName, atc);
            lines.Add(new DischargeMedicationLine(revision, lines.Count + 1, drug, atc, MedicationEntry.DailyDose(drug.DailyDoseAmount, drug.DailyDoseUnit)));
        }
        return lines;
    }
}
