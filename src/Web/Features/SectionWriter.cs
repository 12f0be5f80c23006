using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Blocks;
using CareWorkspace.Domain.Common;
using CareWorkspace.Infrastructure.Access;
using CareWorkspace.Infrastructure.Persistence;
using CareWorkspace.Infrastructure.Realtime;
using CareWorkspace.Web.Features.Pathway;
using Microsoft.EntityFrameworkCore;

namespace CareWorkspace.Web.Features;

/// <summary>
/// One change to a section of a patient's record, the way the modules write: ask the access guard, apply the change, save
/// with the row's concurrency token and signal after commit (the section and, when the change added one, the timeline
/// entry). If another save raced ours, the change is applied once more on fresh data, where the domain's stale-edit check
/// decides. A change the domain refuses (a rule or a stale edit) is logged with its reason before the refusal reaches the user.
/// </summary>
public sealed class SectionWriter(
    IDbContextFactory<CareDbContext> dbFactory,
    PatientAccessGuard guard,
    IPathwayNotifier notifier,
    TimeProvider clock,
    PatientSection section)
{
    public async Task<Guid> WriteAsync(Actor actor, Guid patientId, AccessAction action, string what,
        Func<CareDbContext, PatientRelationship, ChangeStamp, Task<(Guid Id, Guid? TimelineEventId)>> apply, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var (_, relationship) = await guard.DemandWithRelationshipAsync(db, actor, patientId, action, section, what, ct);
            (Guid Id, Guid? TimelineEventId) changed;
            try
            {
                changed = await apply(db, relationship, ChangeStamps.For(actor, clock));
            }
            catch (Exception refused) when (refused is DomainException or StaleEditException)
            {
                // The user was allowed to try, but the record refused the change: the refusal is logged with its reason.
                await guard.RecordRefusedChangeAsync(db, actor, patientId, action, section, what, refused.Message, ct);
                throw;
            }
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException) when (attempt < 3)
            {
                continue;
            }
            Signal(actor, patientId, relationship, section, changed.Id);
            if (changed.TimelineEventId is { } eventId)
                SignalTimeline(db, actor, patientId, relationship, eventId);
            return changed.Id;
        }
    }

    /// <summary>
    /// The new timeline entry's notice; an entry about an item (an appointment booked or cancelled) names it and, for a
    /// series, the occurrences this change touched, so the notice keeps away from those the patient blocked any of them from.
    /// </summary>
    private void SignalTimeline(CareDbContext db, Actor actor, Guid patientId, PatientRelationship relationship, Guid eventId)
    {
        var entry = db.PathwayEvents.Local.FirstOrDefault(e => e.Id == eventId);
        if (entry?.AboutItemKind is not { } kind || entry.AboutItemId is not { } about)
        {
            Signal(actor, patientId, relationship, PatientSection.Timeline, eventId);
            return;
        }
        var items = AppointmentsOfTheSameSeries(db, kind, about);
        notifier.PathwayChanged(new PathwayChange(patientId, PatientSection.Timeline, eventId, actor.UserId)
        {
            SeenBy = WhoMaySee.EntryAbout(relationship, PatientSection.Timeline, Audience.Everyone, kind, items, entry.SourceOrganisationId),
            AboutItemKind = kind,
            AboutItemIds = items,
        });
    }

    /// <summary>The item, and for an appointment of a series every occurrence of that series this change loaded.</summary>
    private static IReadOnlyList<Guid> AppointmentsOfTheSameSeries(CareDbContext db, BlockedItemKind kind, Guid itemId)
    {
        if (kind != BlockedItemKind.Appointment || db.Appointments.Local.FirstOrDefault(a => a.Id == itemId)?.SeriesId is not { } seriesId)
            return [itemId];
        return [.. db.Appointments.Local.Where(a => a.SeriesId == seriesId).Select(a => a.Id).Append(itemId).Distinct()];
    }

    private void Signal(Actor actor, Guid patientId, PatientRelationship relationship, PatientSection changedSection, Guid itemId) =>
        notifier.PathwayChanged(new PathwayChange(patientId, changedSection, itemId, actor.UserId)
        {
            SeenBy = WhoMaySee.Change(relationship, changedSection, Audience.Everyone),
        });
}
