using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Calendar;
using CareWorkspace.Domain.Common;
using CareWorkspace.Domain.Video;
using CareWorkspace.Infrastructure.Access;
using CareWorkspace.Infrastructure.Persistence;
using CareWorkspace.Infrastructure.Realtime;
using CareWorkspace.Infrastructure.Video;
using CareWorkspace.Web.Features.Calendar;
using Microsoft.EntityFrameworkCore;

namespace CareWorkspace.Web.Features.Video;

/// <summary>
/// Video consultations: who may start and join them and when (<see cref="VideoJoinWindow"/>), the meeting room from the
/// provider on first need, and the live "… started the video consultation" signal (a change of the Calendar section).
/// </summary>
public sealed class VideoConsultationService(
    IDbContextFactory<CareDbContext> dbFactory,
    PatientAccessGuard guard,
    IPathwayNotifier notifier,
    IVideoMeetingProvider provider,
    TimeProvider clock) : IPatientDataService
{
    /// <summary>The patient's video consultations that have not ended, as this viewer sees them (for the live Join prompt).</summary>
    public Task<IReadOnlyList<VideoConsultationView>> ListOpenAsync(Actor actor, Guid patientId, CancellationToken ct = default) =>
        Retry.UnitOfWorkAsync(async () =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var (_, relationship) = await guard.DemandWithRelationshipAsync(db, actor, patientId, AccessAction.Read, PatientSection.Calendar, "Video consultations", ct);
            var now = clock.GetUtcNow();
            var horizon = now.AddDays(1);
            var appointments = await db.Appointments.AsNoTracking()
                .Where(a => a.PatientId == patientId && a.Mode == AppointmentMode.Video && a.End > now && a.Start < horizon)
                .ToListAsync(ct);
            await db.SaveChangesAsync(ct);
            return (IReadOnlyList<VideoConsultationView>)appointments
                .Where(a => a.IsOpen || a.Status == AppointmentStatus.Arrived)
                .OrderBy(a => a.Start)
                .Select(a => ViewOf(a, actor, relationship, now))
                .ToList();
        }, repeatable: true, ct);

    /// <summary>
    /// These appointments' video consultations that have not ended, as this viewer sees them (the Join prompt of a
    /// calendar across patients). Each patient is read under the viewer's own access; a patient they may no longer see
    /// is left out (the refusal is logged).
    /// </summary>
    public async Task<IReadOnlyList<VideoConsultationView>> ListOpenAsync(Actor actor, IReadOnlyCollection<(Guid PatientId, Guid AppointmentId)> appointments, CancellationToken ct = default)
    {
        var views = new List<VideoConsultationView>();
        foreach (var patient in appointments.GroupBy(a => a.PatientId))
        {
            var wanted = patient.Select(a => a.AppointmentId).ToHashSet();
            try
            {
                views.AddRange((await ListOpenAsync(actor, patient.Key, ct)).Where(v => wanted.Contains(v.AppointmentId)));
            }
            catch (PatientAccessDeniedException)
            {
            }
        }
        return [.. views.OrderBy(v => v.Start)];
    }

    /// <summary>One appointment's video consultation as this viewer sees it; refused for an appointment not in video mode.</summary>
    public Task<VideoConsultationView> GetAsync(Actor actor, Guid appointmentId, CancellationToken ct = default) =>
        Retry.UnitOfWorkAsync(async () =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var (appointment, relationship) = await LoadAsync(db, actor, appointmentId, AccessAction.Read, "Video consultation", ct);
            await db.SaveChangesAsync(ct);
            return ViewOf(appointment, actor, relationship, clock.GetUtcNow());
        }, repeatable: true, ct);

    /// <summary>
    /// The host (a practitioner taking part) starts the consultation: when and by whom is recorded, and every other
    /// participant's open screens show "… started the video consultation — Join". Starting twice keeps the first start.
    /// </summary>
    public async Task StartAsync(Actor actor, Guid appointmentId, CancellationToken ct = default)
    {
        var started = await Retry.UnitOfWorkAsync(async () =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var (appointment, relationship) = await LoadAsync(db, actor, appointmentId, AccessAction.Update, "Started video consultation", ct);
            try
            {
                var now = clock.GetUtcNow();
                if (!VideoConsultation.IsHost(appointment, actor))
                    throw new DomainException("Only a practitioner taking part can start the video consultation.");
                VideoJoinWindow.DemandJoin(true, appointment.Start, appointment.End, now);
                await EnsureMeetingAsync(appointment, ct);
                appointment.StartVideoConsultation(actor.UserId, new ChangeStamp(actor.DisplayName, now));
            }
            catch (DomainException ex)
            {
                await guard.RecordRefusedChangeAsync(db, actor, appointment.PatientId, AccessAction.Update, PatientSection.Calendar, "Started video consultation", ex.Message, ct);
                throw;
            }
            await db.SaveChangesAsync(ct);
            return (appointment, relationship);
        }, repeatable: true, ct);
        Signal(started.appointment, started.relationship, actor);
    }

    /// <summary>
    /// The meeting link for this participant, now: the host link for practitioners, the guest link for the patient and
    /// relatives. Refused (and logged) for anyone else and outside the window.
    /// </summary>
    public async Task<Uri> JoinAsync(Actor actor, Guid appointmentId, CancellationToken ct = default)
    {
        var (link, created, appointment, relationship) = await Retry.UnitOfWorkAsync(async () =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var (appointment, relationship) = await LoadAsync(db, actor, appointmentId, AccessAction.Read, "Joined video consultation", ct);
            try
            {
                VideoJoinWindow.DemandJoin(VideoConsultation.IsParticipant(appointment, actor, relationship), appointment.Start, appointment.End, clock.GetUtcNow());
                if (!appointment.IsOpen && appointment.Status != AppointmentStatus.Arrived)
                    throw new DomainException("An appointment that is {0} has no video consultation to join.", appointment.Status);
            }
            catch (DomainException ex)
            {
                await guard.RecordRefusedChangeAsync(db, actor, appointment.PatientId, AccessAction.Read, PatientSection.Calendar, "Joined video consultation", ex.Message, ct);
                throw;
            }
            var created = await EnsureMeetingAsync(appointment, ct);
            await db.SaveChangesAsync(ct);
            var meeting = appointment.VideoMeeting!;
            var url = new Uri(VideoConsultation.IsHost(appointment, actor) ? meeting.HostUrl : meeting.GuestUrl);
            return (url, created, appointment, relationship);
        }, repeatable: true, ct);
        if (created)
            Signal(appointment, relationship, actor);
        return link;
    }

    /// <summary>Invites a relative who follows the patient's calendar as a guest (the guest link), as an optional participant.</summary>
    public async Task InviteRelativeAsync(Actor actor, Guid appointmentId, string relativeUserId, CancellationToken ct = default)
    {
        var (appointment, relationship) = await Retry.UnitOfWorkAsync(async () =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var (appointment, relationship) = await LoadAsync(db, actor, appointmentId, AccessAction.Update, "Invited relative to video consultation", ct);
            try
            {
                var consent = relationship.Consents.FirstOrDefault(c => c.RelativeUserId == relativeUserId && c.GrantsAt(PatientSection.Calendar, relationship.AsOf))
                    ?? throw new DomainException("Only a relative whose consent covers the calendar can be invited.");
                var name = await db.Users.Where(u => u.Id == relativeUserId).Select(u => u.DisplayName).SingleAsync(ct);
                appointment.InviteGuest(new AppointmentParticipant(ParticipantKind.Relative, consent.RelativeUserId, name, ParticipantRequirement.Optional),
                    new ChangeStamp(actor.DisplayName, clock.GetUtcNow()));
            }
            catch (DomainException ex)
            {
                await guard.RecordRefusedChangeAsync(db, actor, appointment.PatientId, AccessAction.Update, PatientSection.Calendar, "Invited relative to video consultation", ex.Message, ct);
                throw;
            }
            await db.SaveChangesAsync(ct);
            return (appointment, relationship);
        }, repeatable: true, ct);
        Signal(appointment, relationship, actor);
    }

    private async Task<(Appointment Appointment, PatientRelationship Relationship)> LoadAsync(
        CareDbContext db, Actor actor, Guid appointmentId, AccessAction action, string what, CancellationToken ct)
    {
        var patientId = await db.Appointments.Where(a => a.Id == appointmentId).Select(a => (Guid?)a.PatientId).SingleOrDefaultAsync(ct)
            ?? throw new DomainException("There is no such appointment.");
        var (_, relationship) = await guard.DemandWithRelationshipAsync(db, actor, patientId, action, PatientSection.Calendar, what, ct);
        var appointment = await db.Appointments.SingleAsync(a => a.Id == appointmentId, ct);
        if (appointment.Mode != AppointmentMode.Video)
            throw new DomainException("This appointment is not a video consultation.");
        return (appointment, relationship);
    }

    /// <summary>Makes the meeting room on first need; true when it was made now.</summary>
    private async Task<bool> EnsureMeetingAsync(Appointment appointment, CancellationToken ct)
    {
        if (appointment.VideoMeeting is not null)
            return false;
        var room = await provider.CreateMeetingAsync(new VideoMeetingRequest(appointment.Id, appointment.Start, appointment.End), ct);
        appointment.UseVideoMeeting(new VideoMeeting(room.MeetingId, room.HostUrl.AbsoluteUri, room.GuestUrl.AbsoluteUri));
        return true;
    }

    private void Signal(Appointment appointment, PatientRelationship relationship, Actor actor) =>
        notifier.PathwayChanged(new PathwayChange(appointment.PatientId, PatientSection.Calendar, appointment.Id, actor.UserId)
        {
            SeenBy = WhoMaySee.Change(relationship, PatientSection.Calendar, Audience.Everyone),
        });

    internal static VideoConsultationView ViewOf(Appointment appointment, Actor actor, PatientRelationship relationship, DateTimeOffset now) =>
        new(appointment.Id, appointment.PatientId, CalendarLabels.For(appointment.Type), appointment.Start, appointment.End,
            VideoJoinWindow.OpensAt(appointment.Start),
            VideoConsultation.IsParticipant(appointment, actor, relationship),
            VideoConsultation.IsHost(appointment, actor),
            VideoJoinWindow.IsOpen(appointment.Start, appointment.End, now) && (appointment.IsOpen || appointment.Status == AppointmentStatus.Arrived),
            appointment.VideoMeeting?.StartedAt,
            appointment.VideoMeeting?.StartedByName,
            appointment.VideoMeeting?.StartedByUserId);
}
