using CareWorkspace.Domain.Access;
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
                Signal(actor, patientId, relationship, PatientSection.Timeline, eventId);
            return changed.Id;
        }
    }

    private void Signal(Actor actor, Guid patientId, PatientRelationship relationship, PatientSection changedSection, Guid itemId) =>
        notifier.PathwayChanged(new PathwayChange(patientId, changedSection, itemId, actor.UserId)
        {
            SeenBy = WhoMaySee.Change(relationship, changedSection, Audience.Everyone),
        });
}
