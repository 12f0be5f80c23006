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
/// again inside the write, so an alert raised meanwhile still needs the reason), changing a local medication's dose (checked
/// the same way, kept in its dose history), and pausing, resuming or stopping it. Every read and write asks the access guard for the Medication section; writes go through the
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

    /// <summary>The alerts the new dose of a current local medication would raise (the same checks as prescribing), worded for the prescriber.</summary>
    public async Task<IReadOnlyList<MedicationAlertView>> CheckDoseAsync(Actor actor, Guid patientId, Guid entryId, NewDose dose, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await guard.DemandAsync(db, actor, patientId, AccessAction.Update, PatientSection.Medication, "Checked a dose change", ct);
        var entry = await EntryAsync(db, actor, patientId, entryId, "Checked a dose change", tracked: false, ct);
        var alerts = await DoseAlertsAsync(db, entry, dose, ct);
        await db.SaveChangesAsync(ct);
        return [.. alerts.Select(MedicationAlertViews.From)];
    }

    /// <summary>
    /// Changes the dose of a current local medication, based on the version the prescriber saw (a stale one is refused). The
    /// checks run again inside the write; when they raise alerts, <paramref name="overrideReason"/> is required and kept.
    /// The change (old and new dose, from when, why, who) goes into the medication's dose history.
    /// </summary>
    public Task ChangeDoseAsync(Actor actor, Guid patientId, Guid entryId, Guid expectedVersion, NewDose dose, string? overrideReason,
        CancellationToken ct = default) =>
        ChangeAsync(actor, patientId, entryId, "Changed a medication's dose", async (db, entry, stamp) =>
        {
            var alerts = await DoseAlertsAsync(db, entry, dose, ct);
            entry.ChangeDose(expectedVersion, dose, alerts, overrideReason, stamp);
        }, ct);

    /// <summary>The dose of one medication as stored now (after a refused stale change, so the prescriber can compare and try again).</summary>
    public async Task<CurrentDose> GetDoseAsync(Actor actor, Guid patientId, Guid entryId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await guard.DemandAsync(db, actor, patientId, AccessAction.Read, PatientSection.Medication, "Medication dose", ct);
        var entry = await EntryAsync(db, actor, patientId, entryId, "Medication dose", tracked: false, ct);
        await db.SaveChangesAsync(ct);
        return new CurrentDose(entry.Version, entry.DoseText, entry.Strength, entry.DailyDoseAmount, entry.DailyDoseUnit, entry.ChangedBy, entry.ChangedAt);
    }

    // The new dose is checked as the same drug against the other active medications (never against its own entry).
    private async Task<IReadOnlyList<MedicationAlert>> DoseAlertsAsync(CareDbContext db, MedicationEntry entry, NewDose dose, CancellationToken ct)
    {
        var others = await db.MedicationEntries.AsNoTracking()
            .Where(m => m.PatientId == entry.PatientId && m.Status == MedicationStatus.Active && m.Id != entry.Id)
            .ToListAsync(ct);
        var asPrescribed = new LocalPrescription(entry.DrugName, entry.AtcCode, dose.Strength, entry.Form, dose.DoseText, dose.DailyDoseAmount,
            dose.DailyDoseUnit, entry.AsNeeded, entry.Route, entry.Indication, entry.Start, entry.End, entry.Organisation);
        return await AlertsAsync(db, entry.PatientId, asPrescribed, others, ct);
    }

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
        ChangeAsync(actor, patientId, entryId, what, (_, entry, stamp) =>
        {
            change(entry, stamp);
            return Task.CompletedTask;
        }, ct);

    private Task ChangeAsync(Actor actor, Guid patientId, Guid entryId, string what, Func<CareDbContext, MedicationEntry, ChangeStamp, Task> change,
        CancellationToken ct) =>
        Writer.WriteAsync(actor, patientId, AccessAction.Update, what, async (db, _, stamp) =>
        {
            var entry = await EntryAsync(db, actor, patientId, entryId, what, tracked: true, ct);
            await change(db, entry, stamp);
            return (entry.Id, null);
        }, ct);

    private async Task<MedicationEntry> EntryAsync(CareDbContext db, Actor actor, Guid patientId, Guid entryId, string what, bool tracked, CancellationToken ct)
    {
        var entries = tracked ? db.MedicationEntries : db.MedicationEntries.AsNoTracking();
        var entry = await entries.SingleOrDefaultAsync(m => m.Id == entryId, ct);
        if (entry is null || entry.PatientId != patientId)
        {
            throw await guard.RefuseAsync(db, actor, patientId, AccessAction.Update, PatientSection.Medication,
                $"{what} (unknown medication {entryId})", "That medication is not this patient's.", ct);
        }
        return entry;
    }

    private SectionWriter Writer => new(dbFactory, guard, notifier, clock, PatientSection.Medication);
}
