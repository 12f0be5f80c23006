using System.Globalization;
using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Common;
using CareWorkspace.Domain.Medicines;
using CareWorkspace.Domain.Medicines.Checks;
using CareWorkspace.Infrastructure.Access;
using CareWorkspace.Infrastructure.Persistence;
using CareWorkspace.Infrastructure.Realtime;
using Microsoft.EntityFrameworkCore;

namespace CareWorkspace.Web.Features.Medicines;

/// <summary>
/// Local prescribing: the checks of a drug against the patient's current (active) list, prescribing it (the alerts run
/// again inside the write, so an alert raised meanwhile still needs the reason), and pausing, resuming or stopping a local
/// medication. Every read and write asks the access guard for the Medication section; writes go through the
/// <see cref="SectionWriter"/>, so each viewer of the list sees the change live.
/// </summary>
public sealed class MedicationPrescribingService(
    IDbContextFactory<CareDbContext> dbFactory,
    PatientAccessGuard guard,
    IPathwayNotifier notifier,
    MedicationChecks checks,
    IEnumerable<IPrescribingCheck> otherChecks,
    TimeProvider clock) : IPatientDataService
{
    /// <summary>The alerts prescribing the drug would raise, worded for the prescriber.</summary>
    public async Task<IReadOnlyList<MedicationAlertView>> CheckAsync(Actor actor, Guid patientId, LocalPrescription prescription, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await guard.DemandAsync(db, actor, patientId, AccessAction.Create, PatientSection.Medication, "Checked a prescription", ct);
        var alerts = await AlertsAsync(db, patientId, prescription, ct);
        await db.SaveChangesAsync(ct);
        return [.. alerts.Select(MedicationAlertViews.From)];
    }

    /// <summary>
    /// Prescribes the drug; when the checks raise alerts, <paramref name="overrideReason"/> is required and is kept with each
    /// overridden rule. Returns the new entry's id.
    /// </summary>
    public Task<Guid> PrescribeAsync(Actor actor, Guid patientId, LocalPrescription prescription, string? overrideReason, CancellationToken ct = default) =>
        Writer.WriteAsync(actor, patientId, AccessAction.Create, "Prescribed a medication", async (db, _, stamp) =>
        {
            var alerts = await AlertsAsync(db, patientId, prescription, ct);
            var entry = MedicationEntry.Local(patientId, prescription with { Organisation = actor.OrganisationName, Prescriber = actor.DisplayName }, alerts, overrideReason, stamp);
            db.MedicationEntries.Add(entry);
            return (entry.Id, null);
        }, ct);

    public Task PauseAsync(Actor actor, Guid patientId, Guid entryId, Guid expectedVersion, CancellationToken ct = default) =>
        ChangeAsync(actor, patientId, entryId, "Paused a medication", (entry, stamp) => entry.Pause(expectedVersion, stamp), ct);

    public Task ResumeAsync(Actor actor, Guid patientId, Guid entryId, Guid expectedVersion, CancellationToken ct = default) =>
        ChangeAsync(actor, patientId, entryId, "Resumed a medication", (entry, stamp) => entry.Resume(expectedVersion, stamp), ct);

    public Task StopAsync(Actor actor, Guid patientId, Guid entryId, Guid expectedVersion, CancellationToken ct = default) =>
        ChangeAsync(actor, patientId, entryId, "Stopped a medication", (entry, stamp) => entry.Stop(expectedVersion, CopenhagenTime.Today(clock), stamp), ct);

    /// <summary>
    /// Every check's alerts for the drug against the patient's active medications: the rule checks (interactions, duplicate
    /// therapy, maximum dose) and each further <see cref="IPrescribingCheck"/> (e.g. allergies). The one place they are combined.
    /// </summary>
    private async Task<IReadOnlyList<MedicationAlert>> AlertsAsync(CareDbContext db, Guid patientId, LocalPrescription prescription, CancellationToken ct)
    {
        var current = await db.MedicationEntries.AsNoTracking()
            .Where(m => m.PatientId == patientId && m.Status == MedicationStatus.Active)
            .ToListAsync(ct);
        return await AlertsAsync(db, patientId, prescription, current, ct);
    }

    /// <summary>
    /// The same checks against a given current list: a reconciliation checks each drug it adds against the list as it will be
    /// (the entries it stops left out, the ones it adds before included).
    /// </summary>
    internal async Task<IReadOnlyList<MedicationAlert>> AlertsAsync(CareDbContext db, Guid patientId, LocalPrescription prescription,
        IReadOnlyList<MedicationEntry> current, CancellationToken ct)
    {
        var drug = new CheckedDrug(prescription.DrugName, prescription.AtcCode?.Trim().ToUpperInvariant(), prescription.DailyDoseAmount,
            prescription.DailyDoseUnit);
        var alerts = checks.Check(drug, [.. current.Select(MedicationAlertViews.Checked)], CultureInfo.CurrentUICulture).ToList();
        foreach (var check in otherChecks)
            alerts.AddRange(await check.CheckAsync(db, patientId, drug, ct));
        return alerts;
    }

    private Task ChangeAsync(Actor actor, Guid patientId, Guid entryId, string what, Action<MedicationEntry, ChangeStamp> change, CancellationToken ct) =>
        Writer.WriteAsync(actor, patientId, AccessAction.Update, what, async (db, _, stamp) =>
        {
            var entry = await db.MedicationEntries.SingleOrDefaultAsync(m => m.Id == entryId, ct);
            if (entry is null || entry.PatientId != patientId)
            {
                throw await guard.RefuseAsync(db, actor, patientId, AccessAction.Update, PatientSection.Medication,
                    $"{what} (unknown medication {entryId})", "That medication is not this patient's.", ct);
            }
            change(entry, stamp);
            return (entry.Id, null);
        }, ct);

    private SectionWriter Writer => new(dbFactory, guard, notifier, clock, PatientSection.Medication);
}
