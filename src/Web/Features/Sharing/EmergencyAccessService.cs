using System.Globalization;
using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Blocks;
using CareWorkspace.Domain.Common;
using CareWorkspace.Domain.Notifications;
using CareWorkspace.Infrastructure.Access;
using CareWorkspace.Infrastructure.Notifications;
using CareWorkspace.Infrastructure.Persistence;
using CareWorkspace.Infrastructure.Realtime;
using Microsoft.EntityFrameworkCore;

namespace CareWorkspace.Web.Features.Sharing;

/// <summary>
/// Emergency access ("værdispring") and what the pathway shows about blocks. Breaking the glass is itself recorded in
/// the access log as emergency access with the reason, and the patient is told through the notifications bell at once.
/// </summary>
public sealed class EmergencyAccessService(
    IDbContextFactory<CareDbContext> dbFactory,
    PatientAccessGuard guard,
    IPathwayNotifier notifier,
    EmergencyAccessRules rules,
    TimeProvider clock) : IPatientDataService
{
    /// <summary>For the pathway: whether something is blocked from this viewer, and their own emergency access, if any.</summary>
    public async Task<SharingNotice> NoticeAsync(Actor actor, Guid patientId, CancellationToken ct = default)
    {
        var relationship = await guard.SharedRelationshipAsync(patientId, ct);
        if (relationship is null || !actor.IsHealthProfessional || !PatientAccessPolicy.DecideAnyRead(actor, relationship).Allowed)
            return new SharingNotice(false, false, null, Minutes(rules.MaximumDuration), Minutes(rules.DefaultDuration));
        var blocked = PatientAccessPolicy.HasInformationBlockedFor(actor, relationship);
        var active = PatientAccessPolicy.ActiveEmergencyAccess(actor, relationship);
        return new SharingNotice(blocked, blocked && MayBreakTheGlass(actor),
            active is null ? null : new EmergencyAccessView(active.Id, active.StartedAt, active.EndsAt, active.Reason),
            Minutes(rules.MaximumDuration), Minutes(rules.DefaultDuration));
    }

    public async Task<EmergencyAccessView> StartAsync(Actor actor, Guid patientId, string? reason, int? minutes, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        PatientRelationship relationship;
        EmergencyAccess emergency;
        try
        {
            var now = clock.GetUtcNow();
            (relationship, emergency) = await guard.DemandEmergencyAccessAsync(db, actor, patientId, _ =>
            {
                if (!MayBreakTheGlass(actor))
                    throw new DomainException("Only a clinician of an organisation on the care team can use emergency access.");
                return new EmergencyAccess(patientId, actor, reason, now, minutes is { } m ? TimeSpan.FromMinutes(m) : null, rules);
            }, started => started.Reason, ct);
            db.EmergencyAccesses.Add(emergency);
            if (relationship.PatientUserId is { } patientUser)
                db.Notifications.Add(new Notification(patientUser, Told(emergency, patientId), now));
            await db.SaveChangesAsync(ct);
        }
        catch (DomainException refused)
        {
            await guard.RecordRefusedChangeAsync(db, actor, patientId, AccessAction.Read, PatientSection.MasterData, "Emergency access", refused.Message, ct);
            throw;
        }
        // Consents: every view of the patient re-asks the guard, so what the block hid appears on this clinician's screens.
        notifier.PathwayChanged(new PathwayChange(patientId, PatientSection.Consents, emergency.Id, actor.UserId));
        // The views of what the blocks hide re-read too (no item named: the notice says nothing about what).
        foreach (var notice in SharingBlockService.SectionNotices(patientId, relationship, relationship.Blocks.SelectMany(SharingBlockService.SectionsOf), actor.UserId))
            notifier.PathwayChanged(notice);
        if (relationship.PatientUserId is { } told)
            notifier.Sent([told]);
        return new EmergencyAccessView(emergency.Id, emergency.StartedAt, emergency.EndsAt, emergency.Reason);
    }

    /// <summary>
    /// The clinician no longer needs it: their emergency access ends now rather than at its time limit. Recorded in the
    /// access log; the summary job then tells the patient what was looked at, as after an expiry.
    /// </summary>
    public async Task EndEarlyAsync(Actor actor, Guid patientId, Guid emergencyAccessId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        PatientRelationship relationship;
        try
        {
            (_, relationship) = await guard.DemandWithRelationshipAsync(db, actor, patientId, AccessAction.Read, PatientSection.MasterData,
                EmergencyAccess.EndedRecordWhat, ct);
            var emergency = await db.EmergencyAccesses.SingleOrDefaultAsync(e => e.Id == emergencyAccessId && e.PatientId == patientId, ct);
            if (emergency is null || !emergency.IsFor(actor))
                throw new DomainException("You have no such emergency access to this patient.");
            emergency.EndEarly(clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
        }
        catch (DomainException refused)
        {
            await guard.RecordRefusedChangeAsync(db, actor, patientId, AccessAction.Read, PatientSection.MasterData, EmergencyAccess.EndedRecordWhat, refused.Message, ct);
            throw;
        }
        // As when it started: every view of the patient re-asks the guard, so the banner goes and what the block hid goes too.
        notifier.PathwayChanged(new PathwayChange(patientId, PatientSection.Consents, emergencyAccessId, actor.UserId));
        foreach (var notice in SharingBlockService.SectionNotices(patientId, relationship, relationship.Blocks.SelectMany(SharingBlockService.SectionsOf), actor.UserId))
            notifier.PathwayChanged(notice);
    }

    private static NotificationMessage Told(EmergencyAccess emergency, Guid patientId) => new(NotificationKind.EmergencyAccessUsed,
        new Dictionary<string, string>
        {
            [NotificationMessage.By] = emergency.ClinicianName,
            [NotificationMessage.Organisation] = emergency.OrganisationName ?? "",
            [NotificationMessage.Start] = emergency.StartedAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
            [NotificationMessage.Reason] = emergency.Reason,
        }, patientId, "my/sharing");

    private static bool MayBreakTheGlass(Actor actor) => EmergencyAccess.MayBeTakenBy(actor);

    private static int Minutes(TimeSpan duration) => (int)duration.TotalMinutes;
}
