using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Common;
using CareWorkspace.Domain.Medicines;
using CareWorkspace.Domain.Medicines.Reconciliation;
using CareWorkspace.Infrastructure.Access;
using CareWorkspace.Infrastructure.Persistence;
using CareWorkspace.Infrastructure.Realtime;
using Microsoft.EntityFrameworkCore;

namespace CareWorkspace.Web.Features.Medicines.Reconciliation;

/// <summary>
/// Reconciliation at discharge: a hospital clinician records the discharge medication list; the GP sees it beside the
/// local and the national list with the differences, decides on each, and finishing makes the accepted ones the current
/// list (drugs added as local prescriptions through the same checks as prescribing, stopped drugs stopped, changed doses
/// as a new local prescription replacing the old). Guarded in the Medication section; written through the
/// <see cref="SectionWriter"/>, so every viewer of the medication section sees the result live.
/// </summary>
public sealed class MedicationReconciliationService(
    IDbContextFactory<CareDbContext> dbFactory,
    PatientAccessGuard guard,
    IPathwayNotifier notifier,
    MedicationPrescribingService prescribing,
    TimeProvider clock) : IPatientDataService
{
    /// <summary>
    /// The latest discharge list not yet reconciled, compared with the current list (with its latest correction, if any), and
    /// the latest list recorded if it was withdrawn; null when there is neither.
    /// </summary>
    public async Task<ReconciliationView?> GetAsync(Actor actor, Guid patientId, CancellationToken ct = default)
    {
        var (_, relationship) = await guard.DemandSharedReadAsync(actor, patientId, PatientSection.Medication, "Medication reconciliation", ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var list = await AwaitingAsync(db.DischargeMedicationLists.AsNoTracking(), patientId, ct);
        var latest = await db.DischargeMedicationLists.AsNoTracking().Where(l => l.PatientId == patientId)
            .OrderByDescending(l => l.DischargedOn).ThenByDescending(l => l.RecordedAt).FirstOrDefaultAsync(ct);
        var withdrawn = latest is { WithdrawnAt: not null }
            ? new WithdrawnDischargeList(latest.Hospital, latest.DischargedOn, latest.RecordedBy, latest.WithdrawnBy!, latest.WithdrawnAt.Value,
                latest.WithdrawalReason!)
            : null;
        if (list is null)
        {
            return withdrawn is null
                ? null
                : new ReconciliationView(latest!.Id, latest.Hospital, latest.DischargedOn, latest.RecordedBy, [], "", false)
                {
                    AwaitsReconciliation = false,
                    Withdrawn = withdrawn,
                };
        }
        var current = await CurrentAsync(db.MedicationEntries.AsNoTracking(), patientId, ct);
        var comparison = Compare(list, current);
        return new ReconciliationView(list.Id, list.Hospital, list.DischargedOn, list.RecordedBy, comparison.Rows, comparison.Basis,
            PatientAccessGuard.Permits(actor, relationship, AccessAction.Update, PatientSection.Medication))
        {
            Correction = list.LastCorrection is { } c ? new DischargeListCorrection(c.ChangedBy, c.ChangedAt, c.Reason) : null,
            Withdrawn = withdrawn,
        };
    }

    /// <summary>
    /// What the discharge-list form starts from (a guarded read of the medication): the current list, the list awaiting
    /// reconciliation, and whether the viewer may record one (<see cref="MayRecord"/>).
    /// </summary>
    public async Task<DischargeListForm> GetDischargeFormAsync(Actor actor, Guid patientId, CancellationToken ct = default)
    {
        var (_, relationship) = await guard.DemandSharedReadAsync(actor, patientId, PatientSection.Medication, "Discharge medication list form", ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var current = await CurrentAsync(db.MedicationEntries.AsNoTracking(), patientId, ct);
        var awaiting = await AwaitingAsync(db.DischargeMedicationLists.AsNoTracking(), patientId, ct);
        return new DischargeListForm(CopenhagenTime.Today(clock),
            [.. OnePerDrug(current).Select(e => new LocalPrescription(e.DrugName, e.AtcCode, e.Strength, e.Form, e.DoseText, e.DailyDoseAmount, e.DailyDoseUnit,
                e.AsNeeded, e.Route, e.Indication, null, null, null))],
            awaiting is null ? null : Awaiting(awaiting),
            MayRecord(actor) && PatientAccessGuard.Permits(actor, relationship, AccessAction.Create, PatientSection.Medication));
    }

    /// <summary>
    /// The discharge list is the hospital's: only a hospital clinician records it (and it names their hospital). The GP, who
    /// also prescribes, reconciles it but does not write it.
    /// </summary>
    public static bool MayRecord(Actor actor) => actor.Role == UserRole.HospitalClinician;

    /// <summary>
    /// Records the hospital's discharge medication list for the GP to reconcile. Returns its id. <paramref name="seenAwaiting"/>
    /// is the list awaiting reconciliation when the recorder opened the form (null: none); when another was saved meanwhile,
    /// nothing is saved and the refusal names it — saving again with that id records this one as well.
    /// </summary>
    public Task<Guid> RecordDischargeListAsync(Actor actor, Guid patientId, DateOnly dischargedOn, IReadOnlyList<LocalPrescription> drugs,
        Guid? seenAwaiting, CancellationToken ct = default) =>
        Writer.WriteAsync(actor, patientId, AccessAction.Create, "Recorded a discharge medication list", async (db, _, stamp) =>
        {
            if (!MayRecord(actor))
            {
                throw await guard.RefuseAsync(db, actor, patientId, AccessAction.Create, PatientSection.Medication,
                    "Recorded a discharge medication list", "Only a hospital clinician records a discharge medication list.", ct);
            }
            if (drugs.Count == 0)
                throw new DomainException("A discharge medication list needs at least one drug.");
            var awaiting = await AwaitingAsync(db.DischargeMedicationLists, patientId, ct);
            if (awaiting is not null && awaiting.Id != seenAwaiting)
            {
                throw new DomainException(
                    "{0} saved a discharge medication list ({1}, discharged {2}) after you opened the form. Yours was not saved; what you wrote is still here. Check theirs, then save again to record yours as well.",
                    awaiting.RecordedBy, awaiting.Hospital, awaiting.DischargedOn);
            }
            var list = DischargeMedicationList.Record(patientId, actor.OrganisationName ?? "", dischargedOn, drugs, stamp);
            db.DischargeMedicationLists.Add(list);
            return (list.Id, null);
        }, ct);

    /// <summary>
    /// Replaces the lines of the discharge list awaiting reconciliation with a corrected version, with the reason kept (a
    /// hospital clinician only, as recording; refused once the GP has finished). <paramref name="seenRevision"/> is the
    /// revision the form was opened with: a correction by someone else meanwhile is named and nothing is saved. The GP's
    /// open reconciliation shows the corrected list live; a GP finishing against the old one is refused as stale.
    /// </summary>
    public Task<Guid> CorrectDischargeListAsync(Actor actor, Guid patientId, Guid dischargeListId, int seenRevision, DateOnly dischargedOn,
        IReadOnlyList<LocalPrescription> drugs, string reason, CancellationToken ct = default) =>
        Writer.WriteAsync(actor, patientId, AccessAction.Update, "Corrected a discharge medication list", async (db, _, stamp) =>
        {
            var list = await HospitalListAsync(db, actor, patientId, dischargeListId, "Corrected a discharge medication list", ct);
            list.Correct(seenRevision, dischargedOn, drugs, reason, stamp);
            return (list.Id, null);
        }, ct);

    /// <summary>
    /// Withdraws the discharge list awaiting reconciliation with a reason (a hospital clinician only; refused once the GP has
    /// finished): the GP is offered it no more and sees who withdrew it and why.
    /// </summary>
    public Task<Guid> WithdrawDischargeListAsync(Actor actor, Guid patientId, Guid dischargeListId, int seenRevision, string reason,
        CancellationToken ct = default) =>
        Writer.WriteAsync(actor, patientId, AccessAction.Update, "Withdrew a discharge medication list", async (db, _, stamp) =>
        {
            var list = await HospitalListAsync(db, actor, patientId, dischargeListId, "Withdrew a discharge medication list", ct);
            list.Withdraw(seenRevision, reason, stamp);
            return (list.Id, null);
        }, ct);

    /// <summary>The patient's discharge list, for a hospital clinician to change; anyone else, or another patient's list, is refused and logged.</summary>
    private async Task<DischargeMedicationList> HospitalListAsync(CareDbContext db, Actor actor, Guid patientId, Guid dischargeListId, string what,
        CancellationToken ct)
    {
        if (!MayRecord(actor))
        {
            throw await guard.RefuseAsync(db, actor, patientId, AccessAction.Update, PatientSection.Medication, what,
                "Only a hospital clinician corrects or withdraws a discharge medication list.", ct);
        }
        var list = await db.DischargeMedicationLists.SingleOrDefaultAsync(l => l.Id == dischargeListId, ct);
        if (list is null || list.PatientId != patientId)
        {
            throw await guard.RefuseAsync(db, actor, patientId, AccessAction.Update, PatientSection.Medication,
                $"{what} (unknown list {dischargeListId})", "That discharge list is not this patient's.", ct);
        }
        return list;
    }

    private static AwaitingDischargeList Awaiting(DischargeMedicationList list) =>
        new(list.Id, list.Hospital, list.DischargedOn, list.RecordedBy, list.RecordedAt)
        {
            Revision = list.Revision,
            Drugs = [.. list.CurrentLines.Select(l => l.ToPrescription(list.DischargedOn) with { Start = null })],
        };

    /// <summary>
    /// Finishes the reconciliation of <paramref name="dischargeListId"/> with the GP's decisions by row key, if the lists are
    /// still those of <paramref name="basis"/> (else refused, nothing changed). Returns the reconciliation's id.
    /// </summary>
    public Task<Guid> FinishAsync(Actor actor, Guid patientId, Guid dischargeListId, string basis, IReadOnlyDictionary<string, GpDecision> decisions,
        CancellationToken ct = default) =>
        Writer.WriteAsync(actor, patientId, AccessAction.Update, "Reconciled the discharge medication", async (db, _, stamp) =>
        {
            var list = await db.DischargeMedicationLists.SingleOrDefaultAsync(l => l.Id == dischargeListId, ct);
            if (list is null || list.PatientId != patientId)
            {
                throw await guard.RefuseAsync(db, actor, patientId, AccessAction.Update, PatientSection.Medication,
                    $"Reconciled the discharge medication (unknown list {dischargeListId})", "That discharge list is not this patient's.", ct);
            }
            var current = await CurrentAsync(db.MedicationEntries, patientId, ct);
            var comparison = Compare(list, current);
            var reconciliation = MedicationReconciliation.Finish(list, comparison, basis, decisions, stamp);
            await ApplyAsync(db, actor, patientId, list, current, comparison, reconciliation, stamp, ct);
            db.MedicationReconciliations.Add(reconciliation);
            return (reconciliation.Id, null);
        }, ct);

    /// <summary>Stops first, so each drug added is checked against the list as it will be, and the drugs added one after another.</summary>
    private async Task ApplyAsync(CareDbContext db, Actor actor, Guid patientId, DischargeMedicationList list, List<MedicationEntry> current,
        MedicationComparison comparison, MedicationReconciliation reconciliation, ChangeStamp stamp, CancellationToken ct)
    {
        var today = CopenhagenTime.Today(clock);
        var applied = reconciliation.Decisions.Where(d => d.Outcome == ReconciliationOutcome.Applied)
            .Select(d => (Decision: d, Row: comparison.Rows.Single(r => r.Key == d.RowKey))).ToList();
        var working = current.Where(e => e.Status == MedicationStatus.Active).ToList();
        foreach (var (_, row) in applied.Where(a => a.Row.Kind is DifferenceKind.Stopped or DifferenceKind.DoseChanged && a.Row.Local is not null))
        {
            var entry = current.Single(e => e.Id == row.Local!.Id);
            entry.Stop(entry.Version, today, stamp);
            working.Remove(entry);
        }
        foreach (var (decision, row) in applied.Where(a => a.Row.Kind is DifferenceKind.New or DifferenceKind.DoseChanged))
        {
            var line = list.CurrentLines.Single(l => l.Id == row.Discharge!.Id);
            var prescription = line.ToPrescription(today) with { Organisation = actor.OrganisationName, Prescriber = actor.DisplayName };
            var alerts = await prescribing.AlertsAsync(db, patientId, prescription, working, ct);
            if (alerts.Count > 0 && string.IsNullOrWhiteSpace(decision.Reason))
            {
                throw new DomainException("The checks raised {0} alert(s) for {1}: {2} Write a reason on its row to accept it anyway, or reject it.",
                    alerts.Count, line.DrugName, string.Join(" ", alerts.Select(a => MedicationAlertViews.From(a).Why)));
            }
            var entry = MedicationEntry.Local(patientId, prescription, alerts, decision.Reason, stamp);
            db.MedicationEntries.Add(entry);
            working.Add(entry);
        }
    }

    /// <summary>
    /// The current list as a starting point for the discharge list: one line per drug (a drug may not be on it twice), the
    /// local entry when the drug is on the local and the national list, as the comparison does.
    /// </summary>
    private static IEnumerable<MedicationEntry> OnePerDrug(IEnumerable<MedicationEntry> current) =>
        current.OrderBy(e => e.Source == MedicationSource.Local ? 0 : 1)
            .DistinctBy(e => e.AtcCode?.Trim().ToUpperInvariant() ?? e.DrugName.Trim().ToUpperInvariant())
            .OrderBy(e => e.DrugName, StringComparer.CurrentCultureIgnoreCase);

    /// <summary>The discharge list offered for reconciliation: the latest discharge neither reconciled nor withdrawn.</summary>
    private static Task<DischargeMedicationList?> AwaitingAsync(IQueryable<DischargeMedicationList> lists, Guid patientId, CancellationToken ct) =>
        lists.Where(l => l.PatientId == patientId && l.ReconciledAt == null && l.WithdrawnAt == null)
            .OrderByDescending(l => l.DischargedOn).ThenByDescending(l => l.RecordedAt)
            .FirstOrDefaultAsync(ct);

    /// <summary>The current list: the active entries, local and national.</summary>
    private static Task<List<MedicationEntry>> CurrentAsync(IQueryable<MedicationEntry> entries, Guid patientId, CancellationToken ct) =>
        entries.Where(m => m.PatientId == patientId && m.Status == MedicationStatus.Active).OrderBy(m => m.DrugName).ToListAsync(ct);

    private static MedicationComparison Compare(DischargeMedicationList list, IReadOnlyList<MedicationEntry> current) =>
        MedicationDiff.Compare(list.Drugs(),
            [.. current.Where(e => e.Source == MedicationSource.Local).Select(ReconciledDrug.Of)],
            [.. current.Where(e => e.Source == MedicationSource.NationalRecord).Select(ReconciledDrug.Of)]);

    private SectionWriter Writer => new(dbFactory, guard, notifier, clock, PatientSection.Medication);
}
