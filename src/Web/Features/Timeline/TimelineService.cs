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
            PatientSection.Messages, PatientSection.Medication, PatientSection.CarePlan, PatientSection.Rehabilitation);

        var query = db.PathwayEvents.AsNoTracking().Where(e => e.PatientId == patientId);
        // Entries the patient blocked from this viewer, and entries about an item they blocked (an appointment booked or
        // cancelled), are left out in the query, so the count and the pages never include them.
        var blocked = PatientAccessPolicy.BlockedItemDecisions(actor, relationship, BlockedItemKind.TimelineEntry);
        var hidden = blocked.Where(b => !b.Value.Allowed).Select(b => b.Key).ToList();
        if (hidden.Count > 0)
            query = query.Where(e => !hidden.Contains(e.Id));
        var blockedAbout = Enum.GetValues<BlockedItemKind>()
            .ToDictionary(kind => kind, kind => PatientAccessPolicy.BlockedItemDecisions(actor, relationship, kind));
        foreach (var (kind, decisions) in blockedAbout)
        {
            var hiddenItems = decisions.Where(d => !d.Value.Allowed).Select(d => (Guid?)d.Key).ToList();
            if (kind == BlockedItemKind.Appointment && hiddenItems.Count > 0)
                hiddenItems = await WithTheirSeriesAsync(db, patientId, hiddenItems, ct);
            if (hiddenItems.Count > 0)
                query = query.Where(e => e.AboutItemKind != kind || !hiddenItems.Contains(e.AboutItemId));
        }
        // An event about an appointment tells what the calendar holds: only for those who may read the calendar.
        if (!PatientAccessPolicy.Decide(actor, relationship, AccessAction.Read, PatientSection.Calendar).Allowed)
            query = query.Where(e => e.AboutItemKind != BlockedItemKind.Appointment);
        // A message on the timeline is message content: only for those whose access includes Messages.
        if (!readable.Contains(PatientSection.Messages))
            query = query.Where(e => e.Type != PathwayEventType.Message);
        // A medication entry (e.g. an allergy recorded) is medication content: only for those who may read the medication
        // (so also not for a viewer the patient blocked the medication from).
        if (!readable.Contains(PatientSection.Medication))
            query = query.Where(e => e.Type != PathwayEventType.Medication);
        // A plan's entry tells what the plan holds: only for those who may read that plan's section.
        if (!readable.Contains(PatientSection.CarePlan))
            query = query.Where(e => e.Kind != PathwayEventKind.CarePlanCreated && e.Kind != PathwayEventKind.CarePlanStatusChanged);
        if (!readable.Contains(PatientSection.Rehabilitation))
            query = query.Where(e => e.Kind != PathwayEventKind.RehabilitationPlanMade && e.Kind != PathwayEventKind.RehabilitationSessionLogged);
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
            .Select(e => new
            {
                Entry = new TimelineEntry(e.Id, e.At, e.Type, e.Sector, e.SourceOrganisationName, e.Title, e.Detail, e.Kind, e.Parameters),
                e.AboutItemKind,
                e.AboutItemId,
            })
            .ToListAsync(ct);
        await db.SaveChangesAsync(ct);
        var underEmergency = entries.Where(e => blocked.ContainsKey(e.Entry.Id)).Select(e => blocked[e.Entry.Id])
            .Concat(entries.Where(e => e.AboutItemKind is { } kind && e.AboutItemId is { } id && blockedAbout[kind].ContainsKey(id))
                .Select(e => blockedAbout[e.AboutItemKind!.Value][e.AboutItemId!.Value]));
        await guard.RecordItemsUnderEmergencyAsync(actor, relationship, PatientSection.Timeline, "Timeline", [.. underEmergency], ct);
        return new TimelinePage([.. entries.Select(e => e.Entry)], total, page, pageSize);
    }

    /// <summary>
    /// The hidden appointments and every other occurrence of their series: an entry about a series (its booking, or a
    /// cancellation of this and the following) names one occurrence but tells of them all, so a blocked occurrence hides it.
    /// </summary>
    private static async Task<List<Guid?>> WithTheirSeriesAsync(CareDbContext db, Guid patientId, List<Guid?> hidden, CancellationToken ct)
    {
        var series = db.Appointments.Where(a => a.PatientId == patientId && hidden.Contains(a.Id) && a.SeriesId != null).Select(a => a.SeriesId);
        var occurrences = await db.Appointments.Where(a => a.PatientId == patientId && series.Contains(a.SeriesId)).Select(a => (Guid?)a.Id).ToListAsync(ct);
        return [.. hidden.Concat(occurrences).Distinct()];
    }
}
