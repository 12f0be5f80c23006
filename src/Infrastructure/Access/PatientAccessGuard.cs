using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Audit;
using CareWorkspace.Domain.Blocks;
using CareWorkspace.Domain.Common;
using CareWorkspace.Domain.Patients;
using CareWorkspace.Infrastructure.Live;
using CareWorkspace.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CareWorkspace.Infrastructure.Access;

/// <summary>
/// The one place that answers "may this user do this action on this section of this patient",
/// and writes the access record for every answer. Every service that touches patient data asks it.
/// </summary>
public sealed class PatientAccessGuard(TimeProvider clock, ILogger<PatientAccessGuard> logger, SharedReads sharedReads, AccessRecordWriter records)
{
    /// <summary>The <see cref="SharedReads"/> key of the relationship to a patient.</summary>
    public const string SharedRelationshipKey = "relationship";

    /// <summary>What the relationship to a patient is read from: a change to any of these reads it anew.</summary>
    private static readonly PatientSection[] RelationshipSections =
        [PatientSection.CareTeam, PatientSection.Relatives, PatientSection.Consents, PatientSection.MasterData];
    // Blocks and emergency access are announced on Consents (the patient's control of sharing), so they are read anew too.

    /// <summary>
    /// Decides and adds the access record to <paramref name="db"/>. An allowed record is saved with the caller's
    /// own SaveChanges (same transaction); a refusal is saved at once and thrown as <see cref="PatientAccessDeniedException"/>.
    /// Sections in <paramref name="alsoWanted"/> are optional: they are returned (and recorded) only where allowed.
    /// </summary>
    public async Task<IReadOnlySet<PatientSection>> DemandAsync(
        CareDbContext db, Actor actor, Guid patientId, AccessAction action, PatientSection section, string what,
        CancellationToken ct = default, params PatientSection[] alsoWanted) =>
        (await DemandWithRelationshipAsync(db, actor, patientId, action, section, what, ct, alsoWanted)).Sections;

    /// <summary>
    /// Like <see cref="DemandAsync"/>, and also returns the relationship it decided on, so that a view can ask
    /// <see cref="Permits"/> which changes to offer without reading the relationship a second time.
    /// </summary>
    public async Task<(IReadOnlySet<PatientSection> Sections, PatientRelationship Relationship)> DemandWithRelationshipAsync(
        CareDbContext db, Actor actor, Guid patientId, AccessAction action, PatientSection section, string what,
        CancellationToken ct = default, params PatientSection[] alsoWanted)
    {
        var relationship = await RelationshipOrRefuseAsync(db, actor, patientId, action, section, what, ct);
        var decision = PatientAccessPolicy.Decide(actor, relationship, action, section);
        return (await AllowOrRefuseAsync(db, actor, relationship, action, section, what, decision, alsoWanted, ct), relationship);
    }

    /// <summary>
    /// Breaking the glass: decided like a read of the patient's personal details, and recorded once, as emergency access
    /// with the clinician's reason (the patient is told). The record is saved with the caller's SaveChanges, together with
    /// the emergency access itself; <paramref name="startEmergency"/> may refuse (a missing reason), and then nothing is saved.
    /// </summary>
    public async Task<(PatientRelationship Relationship, T Started)> DemandEmergencyAccessAsync<T>(
        CareDbContext db, Actor actor, Guid patientId, Func<PatientRelationship, T> startEmergency, Func<T, string> reasonOf,
        CancellationToken ct = default)
    {
        const string what = EmergencyAccess.StartedRecordWhat;
        var relationship = await RelationshipOrRefuseAsync(db, actor, patientId, AccessAction.Read, PatientSection.MasterData, what, ct);
        var decision = PatientAccessPolicy.Decide(actor, relationship, AccessAction.Read, PatientSection.MasterData);
        if (!decision.Allowed)
        {
            await RecordRefusalAsync(db, actor, patientId, PatientSection.MasterData, what, AccessAction.Read, decision, ct);
            throw decision.Refusal();
        }
        var started = startEmergency(relationship);
        db.AccessRecords.Add(new AccessRecord(clock.GetUtcNow(), actor, patientId, PatientSection.MasterData, what, AccessAction.Read, true,
            DomainException.English("Emergency access: {0}", [reasonOf(started)]), emergencyAccess: true));
        return (relationship, started);
    }

    /// <summary>
    /// Like <see cref="DemandAsync"/> for a change to one item that belongs to an organisation (a care-team membership):
    /// roles that may change only their own organisation's items are allowed when it is theirs.
    /// </summary>
    public async Task DemandChangeAsync(
        CareDbContext db, Actor actor, Guid patientId, AccessAction action, PatientSection section, string what,
        Guid owningOrganisationId, CancellationToken ct = default)
    {
        var relationship = await RelationshipOrRefuseAsync(db, actor, patientId, action, section, what, ct);
        var decision = PatientAccessPolicy.Decide(actor, relationship, action, section, owningOrganisationId);
        await AllowOrRefuseAsync(db, actor, relationship, action, section, what, decision, [], ct);
    }

    /// <summary>
    /// For a shared read (<see cref="SharedReads"/>): the relationship to the patient, read once for all viewers and
    /// read anew after a change to the care team, relatives, consents or personal details, and every new Danish day.
    /// Its <see cref="PatientRelationship.AsOf"/> is now, so consents that end by date are judged at this instant.
    /// Null for an unknown patient.
    /// </summary>
    public async Task<PatientRelationship?> SharedRelationshipAsync(Guid patientId, CancellationToken ct = default)
    {
        // Judged anew every Danish day: memberships and consents end by date.
        var relationship = await sharedReads.GetAsync(patientId, SharedRelationshipKey, RelationshipSections,
            (db, c) => LoadRelationshipAsync(db, patientId, c), stamp: Today.DayNumber, ct: ct);
        return relationship is null ? null : relationship with { AsOf = clock.GetUtcNow() };
    }

    /// <summary>
    /// For a list across patients (a board, a staff calendar): which of the patients have an active block, so the list
    /// asks <see cref="PatientAccessPolicy"/> about those (with <see cref="RelationshipsOfAsync"/>); the others block
    /// nothing. Nothing decided: the same for every viewer, so a list shared by many viewers, such as a unit's triage
    /// board, may read it once with its data. One query.
    /// </summary>
    public static async Task<IReadOnlySet<Guid>> PatientsWithBlocksAsync(CareDbContext db, IReadOnlyCollection<Guid> patientIds, CancellationToken ct = default)
    {
        var ids = patientIds.Distinct().ToList();
        return ids.Count == 0
            ? new HashSet<Guid>()
            : (await ActiveBlocks(db).Where(b => ids.Contains(b.PatientId)).Select(b => b.PatientId).Distinct().ToListAsync(ct)).ToHashSet();
    }

    /// <summary>The blocks in force (not lifted), for a list that reads which of its patients have one in its own query.</summary>
    public static IQueryable<SharingBlock> ActiveBlocks(CareDbContext db) => db.SharingBlocks.AsNoTracking().Where(b => b.LiftedAt == null);

    /// <summary>The shared relationship of each patient with an active block (from <see cref="PatientsWithBlocksAsync"/>), to ask <see cref="PatientAccessPolicy"/> about.</summary>
    public async Task<IReadOnlyDictionary<Guid, PatientRelationship>> RelationshipsOfAsync(IReadOnlyCollection<Guid> patientsWithBlocks, CancellationToken ct = default)
    {
        var relationships = new Dictionary<Guid, PatientRelationship>();
        foreach (var patientId in patientsWithBlocks)
        {
            if (await SharedRelationshipAsync(patientId, ct) is { } relationship)
                relationships[patientId] = relationship;
        }
        return relationships;
    }

    /// <summary>
    /// A read of shared data (<see cref="SharedReads"/>): decides with the shared relationship and the one
    /// <see cref="PatientAccessPolicy"/>, and returns once the access records are durable (group-committed by
    /// <see cref="AccessRecordWriter"/>), so the caller builds the view only after that. A refusal is written at once and
    /// thrown as <see cref="PatientAccessDeniedException"/>; an unknown patient as <see cref="PatientNotFoundException"/>.
    /// </summary>
    public async Task<(IReadOnlySet<PatientSection> Sections, PatientRelationship Relationship)> DemandSharedReadAsync(
        Actor actor, Guid patientId, PatientSection section, string what, CancellationToken ct = default, params PatientSection[] alsoWanted)
    {
        var relationship = await SharedRelationshipOrRefuseAsync(actor, patientId, section, what, ct);
        return (await RecordSharedReadAsync(actor, relationship, section, what, ct, alsoWanted), relationship);
    }

    /// <summary>Like <see cref="DemandEntryAsync"/> (opening the record), for a shared read.</summary>
    public async Task<(IReadOnlySet<PatientSection> Read, IReadOnlySet<PatientSection> Readable)> DemandSharedEntryAsync(
        Actor actor, Guid patientId, string what, CancellationToken ct = default, params PatientSection[] alsoWanted)
    {
        var relationship = await SharedRelationshipAsync(patientId, ct);
        var readable = relationship is null ? new HashSet<PatientSection>() : Readable(actor, relationship);
        var section = PatientAccessPolicy.EntrySection(readable);
        relationship ??= await SharedRelationshipOrRefuseAsync(actor, patientId, section, what, ct);
        return (await RecordSharedReadAsync(actor, relationship, section, what, ct, alsoWanted), readable);
    }

    /// <summary>
    /// What <see cref="DemandSharedEntryAsync"/> would read on this relationship, decided in memory and recorded nowhere;
    /// null when the entry read would be refused. For a live re-check that writes records only if it shows something new.
    /// </summary>
    public static (IReadOnlySet<PatientSection> Read, IReadOnlySet<PatientSection> Readable)? EntryReadOf(
        Actor actor, PatientRelationship relationship, params PatientSection[] alsoWanted)
    {
        var readable = Readable(actor, relationship);
        return SharedReadOf(actor, relationship, PatientAccessPolicy.EntrySection(readable), alsoWanted) is { } read
            ? (read.Keys.ToHashSet(), readable)
            : null;
    }

    /// <summary>
    /// What <see cref="RecordSharedReadAsync"/> would allow on this relationship, decided in memory and recorded nowhere:
    /// each section it would read with its decision; null when the read of <paramref name="section"/> would be refused.
    /// For a live re-check that records only the parts of a view it shows anew.
    /// </summary>
    public static IReadOnlyDictionary<PatientSection, AccessDecision>? SharedReadOf(
        Actor actor, PatientRelationship relationship, PatientSection section, params PatientSection[] alsoWanted)
    {
        var decision = PatientAccessPolicy.Decide(actor, relationship, AccessAction.Read, section);
        if (!decision.Allowed)
            return null;
        var read = new Dictionary<PatientSection, AccessDecision> { [section] = decision };
        foreach (var extra in alsoWanted.Where(s => s != section).Distinct())
        {
            var extraDecision = PatientAccessPolicy.Decide(actor, relationship, AccessAction.Read, extra);
            if (extraDecision.Allowed)
                read[extra] = extraDecision;
        }
        return read;
    }

    /// <summary>
    /// Decides a read of <paramref name="section"/> (and of the sections in <paramref name="alsoWanted"/> that are
    /// allowed) in memory, and returns only when the access records are durable. A refusal is written at once and thrown.
    /// </summary>
    public async Task<IReadOnlySet<PatientSection>> RecordSharedReadAsync(
        Actor actor, PatientRelationship relationship, PatientSection section, string what, CancellationToken ct = default,
        params PatientSection[] alsoWanted)
    {
        var patientId = relationship.PatientId;
        var decision = PatientAccessPolicy.Decide(actor, relationship, AccessAction.Read, section);
        if (!decision.Allowed)
        {
            await records.WriteAsync([NewRecord(actor, patientId, section, what, AccessAction.Read, decision)], ct);
            logger.LogWarning("Access refused: user {UserId} ({Role}) {Action} {Section} of patient {PatientId}: {Reason}",
                actor.UserId, actor.Role, AccessAction.Read, section, patientId, decision.Reason);
            throw new PatientAccessDeniedException(decision.Reason);
        }

        var allowed = new HashSet<PatientSection> { section };
        var toRecord = new List<AccessRecord> { NewRecord(actor, patientId, section, what, AccessAction.Read, decision) };
        foreach (var extra in alsoWanted.Where(s => s != section).Distinct())
        {
            var extraDecision = PatientAccessPolicy.Decide(actor, relationship, AccessAction.Read, extra);
            if (!extraDecision.Allowed)
                continue;
            allowed.Add(extra);
            toRecord.Add(NewRecord(actor, patientId, extra, what, AccessAction.Read, extraDecision));
        }
        await records.WriteAsync(toRecord, ct);
        return allowed;
    }

    private async Task<PatientRelationship> SharedRelationshipOrRefuseAsync(Actor actor, Guid patientId, PatientSection section, string what, CancellationToken ct)
    {
        var relationship = await SharedRelationshipAsync(patientId, ct);
        if (relationship is not null)
            return relationship;
        await records.WriteAsync([NewRecord(actor, null, section, $"{what} (unknown patient id)", AccessAction.Read, AccessDecision.Deny("No such patient."))], ct);
        throw new PatientNotFoundException(patientId);
    }

    /// <summary>What the actor could do to an item owned by an organisation, for offering only the buttons that work.</summary>
    public static bool Permits(Actor actor, PatientRelationship relationship, AccessAction action, PatientSection section, Guid? owningOrganisationId = null) =>
        PatientAccessPolicy.Decide(actor, relationship, action, section, owningOrganisationId).Allowed;

    private async Task<PatientRelationship> RelationshipOrRefuseAsync(
        CareDbContext db, Actor actor, Guid patientId, AccessAction action, PatientSection section, string what, CancellationToken ct)
    {
        var relationship = await LoadRelationshipAsync(db, patientId, ct);
        if (relationship is not null)
            return relationship;
        await RecordRefusalAsync(db, actor, null, section, $"{what} (unknown patient id)", action, AccessDecision.Deny("No such patient."), ct);
        throw new PatientNotFoundException(patientId);
    }

    private async Task<IReadOnlySet<PatientSection>> AllowOrRefuseAsync(
        CareDbContext db, Actor actor, PatientRelationship relationship, AccessAction action, PatientSection section, string what,
        AccessDecision decision, PatientSection[] alsoWanted, CancellationToken ct)
    {
        var patientId = relationship.PatientId;
        if (!decision.Allowed)
        {
            await RecordRefusalAsync(db, actor, patientId, section, what, action, decision, ct);
            logger.LogWarning("Access refused: user {UserId} ({Role}) {Action} {Section} of patient {PatientId}: {Reason}",
                actor.UserId, actor.Role, action, section, patientId, decision.Reason);
            throw decision.Refusal();
        }

        var allowed = new HashSet<PatientSection> { section };
        db.AccessRecords.Add(NewRecord(actor, patientId, section, what, action, decision));
        foreach (var extra in alsoWanted.Where(s => s != section).Distinct())
        {
            var extraDecision = PatientAccessPolicy.Decide(actor, relationship, action, extra);
            if (!extraDecision.Allowed)
                continue;
            allowed.Add(extra);
            db.AccessRecords.Add(NewRecord(actor, patientId, extra, what, action, extraDecision));
        }
        return allowed;
    }

    /// <summary>
    /// Which sections of the patient this actor may read, e.g. to decide which tabs to offer. Nothing is read,
    /// so nothing is logged; each section logs its own read when it loads.
    /// </summary>
    public async Task<IReadOnlySet<PatientSection>> ReadableSectionsAsync(CareDbContext db, Actor actor, Guid patientId, CancellationToken ct = default)
    {
        var relationship = await LoadRelationshipAsync(db, patientId, ct);
        return relationship is null ? new HashSet<PatientSection>() : Readable(actor, relationship);
    }

    /// <summary>
    /// Opening the record (the pathway header, a hub join): demands a read of the entry section
    /// (<see cref="PatientAccessPolicy.EntrySection"/>) and returns what was read and every readable section,
    /// from one read of the relationship.
    /// </summary>
    public async Task<(IReadOnlySet<PatientSection> Read, IReadOnlySet<PatientSection> Readable)> DemandEntryAsync(
        CareDbContext db, Actor actor, Guid patientId, string what, CancellationToken ct = default, params PatientSection[] alsoWanted)
    {
        var relationship = await LoadRelationshipAsync(db, patientId, ct);
        var readable = relationship is null ? new HashSet<PatientSection>() : Readable(actor, relationship);
        var section = PatientAccessPolicy.EntrySection(readable);
        relationship ??= await RelationshipOrRefuseAsync(db, actor, patientId, AccessAction.Read, section, what, ct);
        var decision = PatientAccessPolicy.Decide(actor, relationship, AccessAction.Read, section);
        return (await AllowOrRefuseAsync(db, actor, relationship, AccessAction.Read, section, what, decision, alsoWanted, ct), readable);
    }

    private static HashSet<PatientSection> Readable(Actor actor, PatientRelationship relationship) =>
        Enum.GetValues<PatientSection>().Where(s => PatientAccessPolicy.Decide(actor, relationship, AccessAction.Read, s).Allowed).ToHashSet();

    /// <summary>The patients this actor may find in a search: the same rule as <see cref="PatientAccessPolicy"/>, as a query.</summary>
    public IQueryable<Patient> SearchablePatients(CareDbContext db, Actor actor)
    {
        var today = Today;
        var patients = db.Patients.AsNoTracking();
        if (actor.IsHealthProfessional)
        {
            var ofOwnOrganisation = CareTeamMembership.OfOrganisationOn(actor.OrganisationId ?? Guid.Empty, today);
            return patients.Where(p => p.CareTeam.AsQueryable().Any(ofOwnOrganisation));
        }
        if (actor.Role == UserRole.Patient)
            return patients.Where(p => p.UserId == actor.UserId);
        if (actor.Role == UserRole.Relative)
        {
            var consented = db.RelativeConsents
                .Where(c => c.RelativeUserId == actor.UserId && c.WithdrawnAt == null && (c.ValidUntil == null || c.ValidUntil >= today))
                .Select(c => c.PatientId);
            return patients.Where(p => consented.Contains(p.Id));
        }
        return patients.Where(_ => false);
    }

    /// <summary>Adds one search record per patient shown; saved by the caller before the result is returned.</summary>
    /// <summary>
    /// Records that the patients were listed to the actor (a board or list of many patients whose access was decided for
    /// the list as a whole), and returns once the records are durable (group-committed by <see cref="AccessRecordWriter"/>).
    /// </summary>
    public Task RecordListedAsync(Actor actor, IEnumerable<Guid> patientIds, string what, PatientSection section, CancellationToken ct = default) =>
        records.WriteAsync([.. patientIds.Select(id => NewRecord(actor, id, section, what, AccessAction.Search, AccessDecision.Allow("Listed in a search result.")))], ct);

    /// <summary>
    /// A unit's list of its patients (a care home's administration overview): only the unit's own staff, in a role that may
    /// list the section. A refusal is recorded (no patient) and thrown.
    /// </summary>
    public async Task DemandUnitListAsync(Actor actor, Guid unitId, PatientSection section, string what, CancellationToken ct = default)
    {
        var decision = !actor.IsHealthProfessional || actor.OrganisationId != unitId
            ? AccessDecision.Deny("The user does not work in this unit.")
            : !AccessMatrix.For(actor.Role, section).HasFlag(Permission.Search)
                ? AccessDecision.Deny("The role {0} may not search {1}.", actor.Role, section)
                : null;
        if (decision is null)
            return;
        await records.WriteAsync([NewRecord(actor, null, section, what, AccessAction.Search, decision)], ct);
        logger.LogWarning("Access refused: user {UserId} ({Role}) opened {What}: {Reason}", actor.UserId, actor.Role, what, decision.Reason);
        throw decision.Refusal();
    }

    public void RecordSearch(CareDbContext db, Actor actor, IEnumerable<Guid> patientIds, string what, PatientSection section = PatientSection.MasterData)
    {
        foreach (var id in patientIds)
            db.AccessRecords.Add(NewRecord(actor, id, section, what, AccessAction.Search, AccessDecision.Allow("Listed in a search result.")));
    }

    /// <summary>
    /// Records a change the user was allowed to attempt but that the record refused (e.g. reopening an ended membership),
    /// so that refused changes are in the log with their reason. Saved on its own; the caller's changes are discarded.
    /// </summary>
    public Task RecordRefusedChangeAsync(CareDbContext db, Actor actor, Guid patientId, AccessAction action, PatientSection section, string what, string reason, CancellationToken ct = default) =>
        RecordRefusalAsync(db, actor, patientId, section, what, action, AccessDecision.Deny(reason), ct);

    /// <summary>Refuses an item-level access (e.g. a thread not shared with a relative): logs it and throws.</summary>
    public async Task<Exception> RefuseAsync(CareDbContext db, Actor actor, Guid patientId, AccessAction action, PatientSection section, string what, string reason, CancellationToken ct = default)
    {
        await RecordRefusalAsync(db, actor, patientId, section, what, action, AccessDecision.Deny(reason), ct);
        return new PatientAccessDeniedException(reason);
    }

    /// <summary>
    /// For a background job working through many patients at once: reads the relationships in a few queries, decides
    /// each with the one policy, and adds an access record per patient and section to <paramref name="db"/> (saved with
    /// the job's own SaveChanges). Refused patients are recorded, logged and left out; unknown ids are left out.
    /// </summary>
    public async Task<IReadOnlyDictionary<Guid, PatientRelationship>> DemandForJobAsync(
        CareDbContext db, Actor actor, IReadOnlyCollection<Guid> patientIds, AccessAction action, PatientSection section, string what,
        CancellationToken ct = default, params PatientSection[] alsoNeeded)
    {
        var allowed = new Dictionary<Guid, PatientRelationship>();
        foreach (var relationship in await LoadRelationshipsAsync(db, patientIds, ct))
        {
            var decisions = alsoNeeded.Prepend(section).Distinct()
                .Select(s => (Section: s, Decision: PatientAccessPolicy.Decide(actor, relationship, action, s)))
                .ToList();
            foreach (var (needed, decision) in decisions)
                db.AccessRecords.Add(NewRecord(actor, relationship.PatientId, needed, what, action, decision));
            if (decisions.FirstOrDefault(d => !d.Decision.Allowed) is { Decision: { } refusal } && !refusal.Allowed)
            {
                logger.LogWarning("Access refused: {UserId} ({Role}) {Action} of patient {PatientId}: {Reason}",
                    actor.UserId, actor.Role, action, relationship.PatientId, refusal.Reason);
                continue;
            }
            allowed[relationship.PatientId] = relationship;
        }
        return allowed;
    }

    private async Task<IReadOnlyList<PatientRelationship>> LoadRelationshipsAsync(CareDbContext db, IReadOnlyCollection<Guid> patientIds, CancellationToken ct)
    {
        var today = Today;
        var activeToday = CareTeamMembership.ActiveOn(today);
        var now = clock.GetUtcNow();
        var ids = patientIds.Distinct().ToList();
        var patients = await db.Patients.AsNoTracking()
            .Where(p => ids.Contains(p.Id))
            .Select(p => new
            {
                p.Id,
                p.UserId,
                Organisations = p.CareTeam.AsQueryable()
                    .Where(activeToday)
                    .Select(m => m.OrganisationId)
                    .ToList(),
            })
            .ToListAsync(ct);
        var consents = (await db.RelativeConsents.AsNoTracking()
                .Where(c => ids.Contains(c.PatientId) && c.WithdrawnAt == null && (c.ValidUntil == null || c.ValidUntil >= today))
                .ToListAsync(ct))
            .ToLookup(c => c.PatientId);
        return [.. patients.Select(p => new PatientRelationship(p.Id, p.UserId, p.Organisations, [.. consents[p.Id]], now))];
    }

    public async Task<PatientRelationship?> LoadRelationshipAsync(CareDbContext db, Guid patientId, CancellationToken ct = default)
    {
        var today = Today;
        var activeToday = CareTeamMembership.ActiveOn(today);
        var now = clock.GetUtcNow();
        var patient = await db.Patients.AsNoTracking()
            .Where(p => p.Id == patientId)
            .Select(p => new
            {
                p.UserId,
                Organisations = p.CareTeam.AsQueryable()
                    .Where(activeToday)
                    .Select(m => new { m.OrganisationId, Sector = db.Organisations.Where(o => o.Id == m.OrganisationId).Select(o => o.Sector).FirstOrDefault() })
                    .ToList(),
            })
            .SingleOrDefaultAsync(ct);
        if (patient is null)
            return null;
        var consents = await db.RelativeConsents.AsNoTracking()
            .Where(c => c.PatientId == patientId && c.WithdrawnAt == null && (c.ValidUntil == null || c.ValidUntil >= today))
            .ToListAsync(ct);
        var blocks = await db.SharingBlocks.AsNoTracking()
            .Where(b => b.PatientId == patientId && b.LiftedAt == null)
            .ToListAsync(ct);
        // Emergency access only ever opens what a block closes: without blocks there is nothing to read.
        var emergencies = blocks.Count == 0
            ? []
            : await db.EmergencyAccesses.AsNoTracking().Where(e => e.PatientId == patientId && e.EndsAt > now).ToListAsync(ct);
        return new PatientRelationship(patientId, patient.UserId, [.. patient.Organisations.Select(o => o.OrganisationId)], consents, now)
        {
            Blocks = blocks,
            EmergencyAccesses = emergencies,
            OrganisationSectors = patient.Organisations.DistinctBy(o => o.OrganisationId).ToDictionary(o => o.OrganisationId, o => o.Sector),
        };
    }

    private DateOnly Today => CopenhagenTime.Today(clock);

    private async Task RecordRefusalAsync(CareDbContext db, Actor actor, Guid? patientId, PatientSection section, string what, AccessAction action, AccessDecision decision, CancellationToken ct)
    {
        // A refusal is written on its own: the caller's unit of work will not be saved.
        db.ChangeTracker.Clear();
        db.AccessRecords.Add(NewRecord(actor, patientId, section, what, action, decision));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>An access allowed only under emergency access is recorded as such, with the clinician's reason (the patient is told).</summary>
    private AccessRecord NewRecord(Actor actor, Guid? patientId, PatientSection section, string what, AccessAction action, AccessDecision decision) =>
        new(clock.GetUtcNow(), actor, patientId, section, what, action, decision.Allowed, decision.Reason, emergencyAccess: decision.UnderEmergencyAccess);

    /// <summary>
    /// Records that items the patient blocked were shown to the actor under emergency access (the section itself was not
    /// blocked, so its read was recorded as ordinary). Returns once the record is durable.
    /// </summary>
    public Task RecordItemsUnderEmergencyAsync(Actor actor, PatientRelationship relationship, PatientSection section, string what,
        IReadOnlyCollection<AccessDecision> shown, CancellationToken ct = default)
    {
        var emergency = shown.Where(d => d.UnderEmergencyAccess).ToList();
        return emergency.Count == 0
            ? Task.CompletedTask
            : records.WriteAsync([NewRecord(actor, relationship.PatientId, section, $"{what}: {emergency.Count} blocked item(s)", AccessAction.Read, emergency[0])], ct);
    }
}
