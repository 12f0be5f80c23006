using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Common;
using CareWorkspace.Domain.FollowUp;
using CareWorkspace.Domain.Organisations;
using CareWorkspace.Infrastructure.Access;
using CareWorkspace.Infrastructure.Persistence;
using CareWorkspace.Infrastructure.Realtime;
using Microsoft.EntityFrameworkCore;

namespace CareWorkspace.Web.Features.FollowUp;

/// <summary>What the hospital says on discharge: whether the GP should see the patient, within how many days, and a note.</summary>
public sealed record DischargeInput(int? GpFollowUpWithinDays, string? Note);

/// <summary>
/// The hospital records a discharge: a Discharge event on the timeline and, when it asks for a GP consultation within
/// N days, a follow-up task in the patient's GP clinic's task list. Both are part of the care team's coordination
/// (PatientSection.CareTeam, created by the roles the access matrix allows, from a hospital).
/// </summary>
public sealed class DischargeService(IDbContextFactory<CareDbContext> dbFactory, PatientAccessGuard guard, IPathwayNotifier notifier, TimeProvider clock)
    : IPatientDataService
{
    private const string What = "Record discharge";

    /// <summary>May this user record a discharge at all (to offer the button): a hospital professional whose role may add to the care team.</summary>
    public static bool MayRecord(Actor actor, Sector? sector) =>
        sector == Sector.Hospital && AccessMatrix.For(actor.Role, PatientSection.CareTeam).HasFlag(Permission.Create);

    /// <summary>Records the discharge; returns the follow-up task's id when one was asked for.</summary>
    public async Task<Guid?> RecordAsync(Actor actor, Guid patientId, DischargeInput input, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (_, relationship) = await guard.DemandWithRelationshipAsync(db, actor, patientId, AccessAction.Create, PatientSection.CareTeam, What, ct);
        try
        {
            var hospital = await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == actor.OrganisationId, ct);
            if (hospital is not { Sector: Sector.Hospital })
                throw new DomainException("Only a hospital records a discharge.");
            var now = clock.GetUtcNow();
            (Guid, int)? followUp = null;
            if (input.GpFollowUpWithinDays is { } days)
            {
                var gp = await db.Patients.AsNoTracking().Where(p => p.Id == patientId).Select(p => p.GpOrganisationId).SingleAsync(ct)
                    ?? throw new DomainException("The patient has no GP to follow up.");
                followUp = (gp, days);
            }
            var (task, discharged) = Discharge.Record(patientId, hospital, now, followUp, input.Note, actor.DisplayName);
            if (task is not null)
                db.FollowUpTasks.Add(task);
            db.PathwayEvents.Add(discharged);
            await db.SaveChangesAsync(ct);
            var seenBy = WhoMaySee.Change(relationship, PatientSection.CareTeam, Audience.CareTeam);
            notifier.PathwayChanged(new PathwayChange(patientId, PatientSection.CareTeam, task?.Id, actor.UserId) { Audience = Audience.CareTeam, SeenBy = seenBy });
            notifier.PathwayChanged(new PathwayChange(patientId, PatientSection.Timeline, task?.Id, actor.UserId));
            return task?.Id;
        }
        catch (DomainException refused)
        {
            await guard.RecordRefusedChangeAsync(db, actor, patientId, AccessAction.Create, PatientSection.CareTeam, What, refused.Message, ct);
            throw;
        }
    }
}
