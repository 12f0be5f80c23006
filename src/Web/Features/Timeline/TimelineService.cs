using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Blocks;
using CareWorkspace.Domain.Pathway;
using CareWorkspace.Infrastructure.Access;
using CareWorkspace.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CareWorkspace.Web.Features.Timeline;

/// <summary>The pathway's events across sectors, newest first, filtered and paged on the server.</summary>
public sealed class TimelineService(IDbContextFactory<CareDbContext> dbFactory, PatientAccessGuard guard) : IPatientDataService
{
    public const int MaxPageSize = 100;

    public async Task<TimelinePage> GetAsync(Actor actor, Guid patientId, TimelineFilter filter, int page, int pageSize, CancellationToken ct = default)
    {
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        page = Math.Max(0, page);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (readable, relationship) = await guard.DemandWithRelationshipAsync(db, actor, patientId, AccessAction.Read, PatientSection.Timeline, "Timeline", ct,
            PatientSection.Messages, PatientSection.Medication);

        var query = db.PathwayEvents.AsNoTracking().Where(e => e.PatientId == patientId);
        // Entries the patient blocked from this viewer are left out in the query, so the count and the pages never include them.
        var blocked = PatientAccessPolicy.BlockedItemDecisions(actor, relationship, BlockedItemKind.TimelineEntry);
        var hidden = blocked.Where(b => !b.Value.Allowed).Select(b => b.Key).ToList();
        if (hidden.Count > 0)
            query = query.Where(e => !hidden.Contains(e.Id));
        // A message on the timeline is message content: only for those whose access includes Messages.
        if (!readable.Contains(PatientSection.Messages))
            query = query.Where(e => e.Type != PathwayEventType.Message);
        // A medication entry (e.g. an allergy recorded) is medication content: only for those who may read the medication
        // (so also not for a viewer the patient blocked the medication from).
        if (!readable.Contains(PatientSection.Medication))
            query = query.Where(e => e.Type != PathwayEventType.Medication);
        if (filter.Sectors is { Count: > 0 } sectors)
        {
            var list = sectors.ToList();
            query = query.Where(e => list.Contains(e.Sector));
        }
        if (filter.Types is { Count: > 0 } types)
        {
            var list = types.ToList();
            query = query.Where(e => list.Contains(e.Type));
        }
        var total = await query.CountAsync(ct);
        var entries = await query.OrderByDescending(e => e.At).ThenBy(e => e.Id)
            .Skip(page * pageSize).Take(pageSize)
            .Select(e => new TimelineEntry(e.Id, e.At, e.Type, e.Sector, e.SourceOrganisationName, e.Title, e.Detail, e.Kind, e.Parameters))
            .ToListAsync(ct);
        await db.SaveChangesAsync(ct);
        await guard.RecordItemsUnderEmergencyAsync(actor, relationship, PatientSection.Timeline, "Timeline",
            [.. entries.Where(e => blocked.ContainsKey(e.Id)).Select(e => blocked[e.Id])], ct);
        return new TimelinePage(entries, total, page, pageSize);
    }
}
