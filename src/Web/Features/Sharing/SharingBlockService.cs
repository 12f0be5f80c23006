using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Blocks;
using CareWorkspace.Domain.Common;
using CareWorkspace.Domain.Pathway;
using CareWorkspace.Infrastructure.Access;
using CareWorkspace.Infrastructure.Persistence;
using CareWorkspace.Infrastructure.Realtime;
using Microsoft.EntityFrameworkCore;

namespace CareWorkspace.Web.Features.Sharing;

/// <summary>
/// The patient's blocks (negative consent): list, create, lift. Guarded as the patient's control of sharing
/// (<see cref="PatientSection.Consents"/>); only the patient sees the list, staff acting for the patient give a reason.
/// A change is announced on Consents (every open view re-asks the guard) and on the blocked section (its views re-read
/// and drop or show the item); a block names the section only, never the item, in its notices.
/// </summary>
public sealed class SharingBlockService(
    IDbContextFactory<CareDbContext> dbFactory,
    PatientAccessGuard guard,
    IPathwayNotifier notifier,
    TimeProvider clock) : IPatientDataService
{
    /// <summary>The item kinds this screen offers (attachments are blocked by their message thread for now).</summary>
    public static readonly IReadOnlyList<BlockedItemKind> OfferedKinds = [BlockedItemKind.TimelineEntry, BlockedItemKind.Appointment, BlockedItemKind.Condition];

    public async Task<SharingView> GetAsync(Actor actor, Guid patientId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (_, relationship) = await guard.DemandWithRelationshipAsync(db, actor, patientId, AccessAction.Read, PatientSection.Consents, "Sharing blocks", ct);
        if (actor.Role != UserRole.Patient)
            throw await guard.RefuseAsync(db, actor, patientId, AccessAction.Read, PatientSection.Consents, "Sharing blocks",
                "Only the patient sees what they have blocked.", ct);
        var blocks = await db.SharingBlocks.AsNoTracking().Where(b => b.PatientId == patientId).ToListAsync(ct);
        var named = relationship.ActiveCareTeamOrganisationIds.Union(blocks.SelectMany(b => b.OrganisationIds)).ToList();
        var organisations = await db.Organisations.AsNoTracking()
            .Where(o => named.Contains(o.Id))
            .Select(o => new SharingOrganisation(o.Id, o.Name, o.Sector))
            .ToListAsync(ct);
        var items = await BlockableItemsAsync(db, patientId, organisations, ct);
        await db.SaveChangesAsync(ct);

        var names = organisations.ToDictionary(o => o.Id, o => o.Name);
        var views = blocks
            .OrderByDescending(b => b.IsActive).ThenByDescending(b => b.CreatedAt)
            .Select(b => new BlockView(b.Id, b.Section, b.ItemKind, b.ItemLabel, b.AudienceKind,
                [.. b.OrganisationIds.Select(id => names.GetValueOrDefault(id) ?? "?")], b.Sectors,
                b.CreatedAt, b.CreatedByName, b.CreatedByPatient, b.CreatedReason, b.LiftedAt, b.LiftedByName))
            .ToList();
        return new SharingView(patientId, views, items,
            [.. organisations.Where(o => relationship.ActiveCareTeamOrganisationIds.Contains(o.Id)).OrderBy(o => o.Name)],
            BlockTarget.BlockableSections);
    }

    /// <summary>
    /// For staff acting for the patient: the parts of the record and the care team's organisations to choose from, when
    /// the one policy lets this user create a block (Consents, create: e.g. the patient's GP or coordinator); otherwise null.
    /// </summary>
    public async Task<StaffBlockChoices?> StaffChoicesAsync(Actor actor, Guid patientId, CancellationToken ct = default)
    {
        if (!actor.IsHealthProfessional)
            return null;
        var relationship = await guard.SharedRelationshipAsync(patientId, ct);
        if (relationship is null || !PatientAccessPolicy.Decide(actor, relationship, AccessAction.Create, PatientSection.Consents).Allowed)
            return null;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // The care team's organisations are the patient's data: the read is logged like any other.
        await guard.DemandAsync(db, actor, patientId, AccessAction.Read, PatientSection.Consents, "Staff block choices", ct);
        var careTeam = relationship.ActiveCareTeamOrganisationIds.ToList();
        var organisations = await db.Organisations.AsNoTracking()
            .Where(o => careTeam.Contains(o.Id))
            .OrderBy(o => o.Name)
            .Select(o => new SharingOrganisation(o.Id, o.Name, o.Sector))
            .ToListAsync(ct);
        await db.SaveChangesAsync(ct);
        return new StaffBlockChoices(BlockTarget.BlockableSections, organisations);
    }

    public async Task<Guid> BlockAsync(Actor actor, Guid patientId, BlockInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (_, relationship) = await guard.DemandWithRelationshipAsync(db, actor, patientId, AccessAction.Create, PatientSection.Consents, "Blocked sharing", ct);
        try
        {
            var (target, label) = await TargetAsync(db, patientId, input, ct);
            var audience = Audience(input, relationship);
            var block = new SharingBlock(patientId, relationship.PatientUserId, target, audience, actor, clock.GetUtcNow(), input.Reason, label);
            db.SharingBlocks.Add(block);
            await db.SaveChangesAsync(ct);
            Announce(patientId, relationship, block, actor);
            return block.Id;
        }
        catch (DomainException refused)
        {
            await guard.RecordRefusedChangeAsync(db, actor, patientId, AccessAction.Create, PatientSection.Consents, "Blocked sharing", refused.Message, ct);
            throw;
        }
    }

    public async Task LiftAsync(Actor actor, Guid patientId, Guid blockId, string? reason, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (_, relationship) = await guard.DemandWithRelationshipAsync(db, actor, patientId, AccessAction.Update, PatientSection.Consents, "Lifted a block", ct);
        SharingBlock? block = null;
        try
        {
            block = await db.SharingBlocks.SingleOrDefaultAsync(b => b.Id == blockId && b.PatientId == patientId, ct)
                ?? throw new DomainException("That block does not belong to this patient.");
            block.Lift(actor, clock.GetUtcNow(), relationship.PatientUserId, reason);
            await db.SaveChangesAsync(ct);
        }
        catch (DomainException refused)
        {
            await guard.RecordRefusedChangeAsync(db, actor, patientId, AccessAction.Update, PatientSection.Consents, $"Lifted a block ({blockId})", refused.Message, ct);
            throw;
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new DomainException("Someone else changed this block at the same moment. Look at the list again: it may already be lifted.");
        }
        Announce(patientId, relationship, block, actor);
    }

    /// <summary>
    /// The sections an item of a kind is shown in (its notices and views follow them): an appointment also in the
    /// timeline, whose events about it follow its block.
    /// </summary>
    public static IReadOnlyList<PatientSection> SectionsOf(BlockedItemKind kind) => kind switch
    {
        BlockedItemKind.Appointment => [PatientSection.Calendar, PatientSection.Timeline],
        BlockedItemKind.TimelineEntry => [PatientSection.Timeline],
        BlockedItemKind.Condition => [PatientSection.Conditions],
        _ => [PatientSection.Messages],
    };

    /// <summary>The sections a block keeps something of (the whole section, or those its item is shown in).</summary>
    public static IReadOnlyList<PatientSection> SectionsOf(SharingBlock block) =>
        block.Section is { } section ? [section] : SectionsOf(block.ItemKind!.Value);

    /// <summary>
    /// The notices that make the open views of these sections re-read after a block changed (or emergency access began):
    /// no item named, so a notice tells the blocked audience nothing about what. A triage notice also names the triage
    /// board of every unit on the care team (each lists the patient), so an open board drops or shows the citizen's
    /// card within seconds.
    /// </summary>
    public static IEnumerable<PathwayChange> SectionNotices(Guid patientId, PatientRelationship relationship, IEnumerable<PatientSection> sections,
        string byUserId) =>
        sections.Distinct().Select(section => new PathwayChange(patientId, section, null, byUserId)
        {
            Audience = Domain.Access.Audience.CareTeam,
            SeenBy = section == PatientSection.Triage
                ? [.. relationship.ActiveCareTeamOrganisationIds.Distinct()
                    .SelectMany(unit => new[] { AudienceKey.ForOrganisation(unit), AudienceKey.TriageBoardOf(unit) })]
                : null,
        });

    private void Announce(Guid patientId, PatientRelationship relationship, SharingBlock block, Actor actor)
    {
        notifier.PathwayChanged(new PathwayChange(patientId, PatientSection.Consents, block.Id, actor.UserId));
        foreach (var notice in SectionNotices(patientId, relationship, SectionsOf(block), actor.UserId))
            notifier.PathwayChanged(notice);
    }

    private static BlockAudience Audience(BlockInput input, PatientRelationship relationship) => input.AudienceKind switch
    {
        BlockAudienceKind.Organisations when input.OrganisationIds.Any(id => !relationship.ActiveCareTeamOrganisationIds.Contains(id)) =>
            throw new DomainException("Choose organisations on your care team."),
        BlockAudienceKind.Organisations => BlockAudience.Organisations(input.OrganisationIds),
        BlockAudienceKind.Sectors => BlockAudience.InSectors(input.Sectors),
        BlockAudienceKind.OutsideRecordingOrganisation => BlockAudience.OutsideRecordingOrganisation(),
        _ => throw new DomainException("A block needs an audience: organisations, sectors, or everyone outside the recording organisation."),
    };

    /// <summary>The target, with the recording organisation read from the item itself: an id of another patient's item is refused.</summary>
    private static async Task<(BlockTarget? Target, string? Label)> TargetAsync(CareDbContext db, Guid patientId, BlockInput input, CancellationToken ct)
    {
        if (input.Section is { } section && input.ItemKind is null)
            return (BlockTarget.WholeSection(section), null);
        if (input.ItemKind is not { } kind || input.ItemId is not { } itemId)
            return (null, null);
        if (input.Section is not null)
            throw new DomainException("A block needs a target: a whole section or one item.");
        switch (kind)
        {
            case BlockedItemKind.TimelineEntry:
                var entry = await db.PathwayEvents.AsNoTracking().Where(e => e.Id == itemId && e.PatientId == patientId)
                    .Select(e => new { e.SourceOrganisationId, e.Title }).SingleOrDefaultAsync(ct)
                    ?? throw new DomainException("There is no such item in this patient's record.");
                return (BlockTarget.Item(kind, itemId, entry.SourceOrganisationId), entry.Title);
            case BlockedItemKind.Appointment:
                var appointment = await db.Appointments.AsNoTracking().Where(a => a.Id == itemId && a.PatientId == patientId)
                    .Select(a => new { a.OrganisationId }).SingleOrDefaultAsync(ct)
                    ?? throw new DomainException("There is no such item in this patient's record.");
                return (BlockTarget.Item(kind, itemId, appointment.OrganisationId), null);
            case BlockedItemKind.Condition:
                var condition = await db.Patients.AsNoTracking().Where(p => p.Id == patientId).SelectMany(p => p.Conditions)
                    .Where(c => c.Id == itemId).Select(c => c.Text).SingleOrDefaultAsync(ct)
                    ?? throw new DomainException("There is no such item in this patient's record.");
                return (BlockTarget.Item(kind, itemId, null), condition);
            default:
                throw new DomainException("This kind of item cannot be blocked here yet.");
        }
    }

    private static async Task<IReadOnlyList<BlockableItem>> BlockableItemsAsync(CareDbContext db, Guid patientId,
        IReadOnlyList<SharingOrganisation> organisations, CancellationToken ct)
    {
        var names = organisations.ToDictionary(o => o.Id, o => o.Name);
        var entries = await db.PathwayEvents.AsNoTracking()
            .Where(e => e.PatientId == patientId && (e.Type == PathwayEventType.Admission || e.Type == PathwayEventType.Discharge))
            .OrderByDescending(e => e.At).Take(50)
            .Select(e => new BlockableItem(BlockedItemKind.TimelineEntry, e.Id, e.At, e.Type, e.Title, e.SourceOrganisationName))
            .ToListAsync(ct);
        var appointments = (await db.Appointments.AsNoTracking().Where(a => a.PatientId == patientId)
                .OrderByDescending(a => a.Start).Take(50)
                .Select(a => new { a.Id, a.Start, a.Reason, a.OrganisationId })
                .ToListAsync(ct))
            .Select(a => new BlockableItem(BlockedItemKind.Appointment, a.Id, a.Start, null, a.Reason, names.GetValueOrDefault(a.OrganisationId)));
        var conditions = (await db.Patients.AsNoTracking().Where(p => p.Id == patientId).SelectMany(p => p.Conditions)
                .Select(c => new { c.Id, c.Text }).ToListAsync(ct))
            .Select(c => new BlockableItem(BlockedItemKind.Condition, c.Id, null, null, c.Text, null));
        return [.. entries, .. appointments, .. conditions];
    }
}
