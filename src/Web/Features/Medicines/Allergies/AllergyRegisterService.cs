using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Common;
using CareWorkspace.Domain.Medicines.Allergies;
using CareWorkspace.Domain.Organisations;
using CareWorkspace.Domain.Pathway;
using CareWorkspace.Infrastructure.Access;
using CareWorkspace.Infrastructure.Medicines;
using CareWorkspace.Infrastructure.Persistence;
using CareWorkspace.Infrastructure.Realtime;
using Microsoft.EntityFrameworkCore;

namespace CareWorkspace.Web.Features.Medicines.Allergies;

/// <summary>
/// The patient's allergy (CAVE) register, part of the medication record: reading it (with each entry's history), recording,
/// changing, resolving and marking an entry as entered in error, and checking a drug against it. Each read and write asks the
/// access guard for the Medication section; a change is checked against the version the user opened, kept as a new version,
/// committed, then signalled to everyone viewing the patient's medication (the CAVE banner and the register follow it live).
/// </summary>
public sealed class AllergyRegisterService(
    IDbContextFactory<CareDbContext> dbFactory,
    PatientAccessGuard guard,
    IPathwayNotifier notifier,
    TimeProvider clock) : IPatientDataService
{
    /// <summary>Every entry of the register (active first, newest first within), and what the viewer may do.</summary>
    public async Task<AllergyRegisterView> GetAsync(Actor actor, Guid patientId, CancellationToken ct = default)
    {
        var (_, relationship) = await guard.DemandSharedReadAsync(actor, patientId, PatientSection.Medication, "Allergy register", ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var entries = await db.AllergyEntries.AsNoTracking().Where(a => a.PatientId == patientId).ToListAsync(ct);
        var can = new AllergyPermissions(
            Record: PatientAccessGuard.Permits(actor, relationship, AccessAction.Create, PatientSection.Medication),
            Change: PatientAccessGuard.Permits(actor, relationship, AccessAction.Update, PatientSection.Medication));
        return new AllergyRegisterView(patientId,
            [.. entries.OrderBy(e => e.Status).ThenByDescending(e => e.RecordedAt).Select(AllergyItem.Of)], can);
    }

    /// <summary>
    /// The active entries for the CAVE banner on every page of the patient. A viewer who may not read the medication
    /// (a relative without that consent) gets none and nothing is read, so the banner adds no refusal to the access log on
    /// each page; a viewer who may read it has the read recorded like any other.
    /// </summary>
    public async Task<IReadOnlyList<AllergyItem>> GetBannerAsync(Actor actor, Guid patientId, CancellationToken ct = default)
    {
        var relationship = await guard.SharedRelationshipAsync(patientId, ct);
        if (relationship is null || !PatientAccessPolicy.Decide(actor, relationship, AccessAction.Read, PatientSection.Medication).Allowed)
            return [];
        await guard.RecordSharedReadAsync(actor, relationship, PatientSection.Medication, "CAVE banner", ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var active = await db.ActiveAllergiesAsync(patientId, ct);
        return [.. active.Select(AllergyItem.Of)];
    }

    /// <summary>The history of one entry, newest first: who changed it, when, what, and the entry as it was afterwards.</summary>
    public async Task<IReadOnlyList<AllergyVersionView>> GetHistoryAsync(Actor actor, Guid patientId, Guid allergyId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await guard.DemandAsync(db, actor, patientId, AccessAction.Read, PatientSection.Medication, "Allergy history", ct);
        if (!await db.AllergyEntries.AnyAsync(a => a.Id == allergyId && a.PatientId == patientId, ct))
        {
            throw await guard.RefuseAsync(db, actor, patientId, AccessAction.Read, PatientSection.Medication,
                $"Allergy history (unknown entry {allergyId})", "That allergy entry is not this patient's.", ct);
        }
        var versions = await db.AllergyVersions.AsNoTracking().Where(v => v.AllergyId == allergyId)
            .OrderByDescending(v => v.Number).ToListAsync(ct);
        await db.SaveChangesAsync(ct);
        return [.. versions.Select(v => new AllergyVersionView(v.Number, v.ChangedBy, v.ChangedAt, v.Changes, v.Snapshot))];
    }

    /// <summary>A new active entry, recorded by the user now. Returns its id.</summary>
    public Task<Guid> RecordAsync(Actor actor, Guid patientId, AllergyDetails details, CancellationToken ct = default) =>
        WriteAsync(actor, patientId, AccessAction.Create, "Recorded allergy", async (db, stamp) =>
        {
            var entry = AllergyEntry.Record(patientId, details, stamp);
            db.AllergyEntries.Add(entry);
            return (entry.Id, await TimelineAsync(db, actor, ct, o => PathwayEvent.AllergyRecorded(patientId, stamp.At, o, Allergen(entry), stamp.ByName)));
        }, ct);

    /// <summary>New details for an entry, based on the version the user opened; a stale one is refused with the stored values.</summary>
    public Task ChangeAsync(Actor actor, Guid patientId, Guid allergyId, Guid expectedVersion, AllergyDetails details, CancellationToken ct = default) =>
        WriteAsync(actor, patientId, AccessAction.Update, "Changed allergy", async (db, stamp) =>
        {
            var entry = await EntryAsync(db, actor, patientId, allergyId, "Changed allergy", ct);
            entry.Change(expectedVersion, details, stamp);
            return (entry.Id, await TimelineAsync(db, actor, ct, o => PathwayEvent.AllergyChanged(patientId, stamp.At, o, Allergen(entry), stamp.ByName)));
        }, ct);

    /// <summary>Resolves an entry, makes it active again, or marks it as entered in error (with a reason).</summary>
    public Task ChangeStatusAsync(Actor actor, Guid patientId, Guid allergyId, Guid expectedVersion, AllergyStatus status, string? reason,
        CancellationToken ct = default) =>
        WriteAsync(actor, patientId, AccessAction.Update, $"Changed allergy status to {status}", async (db, stamp) =>
        {
            var entry = await EntryAsync(db, actor, patientId, allergyId, "Changed allergy status", ct);
            entry.ChangeStatus(expectedVersion, status, reason, stamp);
            return (entry.Id, await TimelineAsync(db, actor, ct,
                o => PathwayEvent.AllergyStatusChanged(patientId, stamp.At, o, Allergen(entry), status.ToString(), stamp.ByName)));
        }, ct);

    private async Task<AllergyEntry> EntryAsync(CareDbContext db, Actor actor, Guid patientId, Guid allergyId, string what, CancellationToken ct)
    {
        var entry = await db.AllergyEntries.SingleOrDefaultAsync(a => a.Id == allergyId, ct);
        if (entry is null || entry.PatientId != patientId)
        {
            throw await guard.RefuseAsync(db, actor, patientId, AccessAction.Update, PatientSection.Medication,
                $"{what} (unknown entry {allergyId})", "That allergy entry is not this patient's.", ct);
        }
        return entry;
    }

    private static string Allergen(AllergyEntry entry) => AllergyEntry.Describe(entry.Substance, entry.AtcCode);

    // Each change is also on the patient's timeline (a medication entry there: only viewers who may read the medication see
    // it), named by the organisation of the person who made it; a user without an organisation adds none.
    private static async Task<Guid?> TimelineAsync(CareDbContext db, Actor actor, CancellationToken ct, Func<Organisation, PathwayEvent> made)
    {
        if (actor.OrganisationId is not { } id || await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, ct) is not { } organisation)
            return null;
        var entry = made(organisation);
        db.PathwayEvents.Add(entry);
        return entry.Id;
    }

    private Task<Guid> WriteAsync(Actor actor, Guid patientId, AccessAction action, string what,
        Func<CareDbContext, ChangeStamp, Task<(Guid Id, Guid? TimelineEventId)>> apply, CancellationToken ct) =>
        new SectionWriter(dbFactory, guard, notifier, clock, PatientSection.Medication)
            .WriteAsync(actor, patientId, action, what, (db, _, stamp) => apply(db, stamp), ct);
}
