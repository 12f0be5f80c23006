using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Blocks;
using CareWorkspace.Domain.Calendar;
using CareWorkspace.Domain.Common;
using CareWorkspace.Domain.Conferences;
using CareWorkspace.Domain.Organisations;
using CareWorkspace.Domain.Pathway;
using CareWorkspace.Domain.Video;
using CareWorkspace.Infrastructure.Access;
using CareWorkspace.Infrastructure.Persistence;
using CareWorkspace.Infrastructure.Realtime;
using CareWorkspace.Web.Features.Video;
using Microsoft.EntityFrameworkCore;

namespace CareWorkspace.Web.Features.Conferences;

/// <summary>
/// The discharge conference: its appointment, video launch and shared minutes. Minutes are per author
/// (<see cref="ConferenceMinutes"/>): a save that meets someone else's save at the same time is re-applied on fresh data
/// (it changes only the author's own entry), so no one's text is lost.
/// </summary>
public sealed class ConferenceService(
    IDbContextFactory<CareDbContext> dbFactory,
    PatientAccessGuard guard,
    IPathwayNotifier notifier,
    TimeProvider clock) : IPatientDataService
{
    /// <summary>Which patient a conference belongs to (an id, no patient data), so a page can follow the patient before it reads.</summary>
    internal async Task<Guid?> PatientOfAsync(Guid appointmentId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Appointments.Where(a => a.Id == appointmentId).Select(a => (Guid?)a.PatientId).SingleOrDefaultAsync(ct);
    }

    public Task<ConferenceView> GetAsync(Actor actor, Guid appointmentId, CancellationToken ct = default) =>
        Retry.UnitOfWorkAsync(async () =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var (appointment, relationship) = await LoadAsync(db, actor, appointmentId, AccessAction.Read, "Discharge conference", ct);
            var minutes = await db.ConferenceMinutes.AsNoTracking().SingleOrDefaultAsync(m => m.Id == appointmentId, ct);
            await db.SaveChangesAsync(ct);
            return ViewOf(appointment, minutes, actor, relationship);
        }, repeatable: true, ct);

    /// <summary>Saves the viewer's own part of the minutes from <paramref name="basedOnVersion"/>; returns its new version.</summary>
    public async Task<Guid> WriteMinutesAsync(Actor actor, Guid appointmentId, string text, Guid? basedOnVersion, CancellationToken ct = default)
    {
        // Re-applied after a racing save (the aggregate's token, or the first entry of two writers at once): it changes
        // only this author's entry, so both survive.
        var (version, patientId, relationship) = await AfterRacingSavesAsync(async () =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var (appointment, relationship) = await LoadAsync(db, actor, appointmentId, AccessAction.Update, "Wrote conference minutes", ct);
            try
            {
                DemandWriter(appointment, actor);
                var minutes = await db.ConferenceMinutes.SingleOrDefaultAsync(m => m.Id == appointmentId, ct);
                if (minutes is null)
                {
                    minutes = new ConferenceMinutes(appointmentId, appointment.PatientId);
                    db.ConferenceMinutes.Add(minutes);
                }
                var sector = await SectorOfAsync(db, actor, ct);
                var entry = minutes.Write(actor, sector, text, basedOnVersion, clock.GetUtcNow());
                await db.SaveChangesAsync(ct);
                return (entry.Version, appointment.PatientId, relationship);
            }
            catch (Exception ex) when (ex is DomainException or StaleEditException)
            {
                await guard.RecordRefusedChangeAsync(db, actor, appointment.PatientId, AccessAction.Update, PatientSection.Calendar, "Wrote conference minutes", ex.Message, ct);
                throw;
            }
        }, ct);
        Signal(patientId, appointmentId, relationship, actor, timeline: false);
        return version;
    }

    /// <summary>Locks the minutes, records who attended and puts the conference on the timeline.</summary>
    public async Task FinishAsync(Actor actor, Guid appointmentId, IReadOnlyList<ConferenceAttendee> attendees, CancellationToken ct = default)
    {
        var (patientId, relationship) = await Retry.UnitOfWorkAsync(async () =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var (appointment, relationship) = await LoadAsync(db, actor, appointmentId, AccessAction.Update, "Finished discharge conference", ct);
            try
            {
                DemandWriter(appointment, actor);
                var minutes = await db.ConferenceMinutes.SingleOrDefaultAsync(m => m.Id == appointmentId, ct)
                    ?? throw new DomainException("Write the minutes before finishing the conference.");
                var now = clock.GetUtcNow();
                minutes.Finish(actor, attendees, now);
                var organisation = await db.Organisations.SingleAsync(o => o.Id == appointment.OrganisationId, ct);
                db.PathwayEvents.Add(PathwayEvent.DischargeConferenceHeld(appointment.PatientId, now, organisation, appointment.Id, appointment.Start, minutes.FinishedByName!,
                    minutes.Attendees.Select(a => a.Name), minutes.Entries.Select(e => (e.AuthorName, e.Text))));
                await db.SaveChangesAsync(ct);
                return (appointment.PatientId, relationship);
            }
            catch (DomainException ex)
            {
                await guard.RecordRefusedChangeAsync(db, actor, appointment.PatientId, AccessAction.Update, PatientSection.Calendar, "Finished discharge conference", ex.Message, ct);
                throw;
            }
        }, repeatable: true, ct);
        Signal(patientId, appointmentId, relationship, actor, timeline: true);
    }

    /// <summary>How many racing saves of others one save may meet before it gives up (one per other writer at the table).</summary>
    private const int RacingSaves = 12;

    /// <summary>
    /// Runs a save until it is not overtaken: the racing save won and ours changed nothing, so it is re-applied on fresh
    /// data. Transient failures are <see cref="Retry"/>'s.
    /// </summary>
    private static async Task<T> AfterRacingSavesAsync<T>(Func<Task<T>> save, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await Retry.UnitOfWorkAsync(save, repeatable: true, ct);
            }
            catch (DbUpdateException) when (attempt < RacingSaves)
            {
                // Another writer saved first (the token moved, or both made the minutes' first row): try again on what is stored.
            }
        }
    }

    private static void DemandWriter(Appointment appointment, Actor actor)
    {
        if (!VideoConsultation.IsHost(appointment, actor))
            throw new DomainException("Only the health professionals at the conference write its minutes.");
    }

    private static async Task<Sector?> SectorOfAsync(CareDbContext db, Actor actor, CancellationToken ct) =>
        actor.OrganisationId is { } id
            ? await db.Organisations.Where(o => o.Id == id).Select(o => (Sector?)o.Sector).SingleOrDefaultAsync(ct)
            : null;

    private async Task<(Appointment Appointment, PatientRelationship Relationship)> LoadAsync(
        CareDbContext db, Actor actor, Guid appointmentId, AccessAction action, string what, CancellationToken ct)
    {
        var patientId = await db.Appointments.Where(a => a.Id == appointmentId).Select(a => (Guid?)a.PatientId).SingleOrDefaultAsync(ct)
            ?? throw new DomainException("There is no such appointment.");
        var (_, relationship) = await guard.DemandWithRelationshipAsync(db, actor, patientId, action, PatientSection.Calendar, what, ct);
        var appointment = await db.Appointments.AsNoTracking().SingleAsync(a => a.Id == appointmentId, ct);
        if (appointment.Type != AppointmentType.DischargeConference)
            throw new DomainException("This appointment is not a discharge conference.");
        return (appointment, relationship);
    }

    private ConferenceView ViewOf(Appointment appointment, ConferenceMinutes? minutes, Actor actor, PatientRelationship relationship)
    {
        var canWrite = VideoConsultation.IsHost(appointment, actor);
        var minutesView = minutes is null
            ? ConferenceMinutesView.Empty(canWrite)
            : new ConferenceMinutesView(
                minutes.Entries.OrderBy(e => e.ChangedAt).Select(e => new MinutesEntryView(
                    e.Id, e.AuthorUserId, e.AuthorName, e.AuthorOrganisation, e.AuthorSector, e.Text, e.Version, e.ChangedAt)).ToList(),
                canWrite && !minutes.IsFinished,
                canWrite && !minutes.IsFinished && minutes.Entries.Any(e => e.Text.Length > 0),
                minutes.FinishedAt, minutes.FinishedByName, minutes.Attendees.ToList());
        var video = appointment.Mode == AppointmentMode.Video
            ? VideoConsultationService.ViewOf(appointment, actor, relationship, clock.GetUtcNow())
            : null;
        return new ConferenceView(appointment.Id, appointment.PatientId, appointment.Start, appointment.End,
            appointment.Participants.Select(p => new ConferenceParticipantView(p.Name, null)).ToList(), minutesView, video);
    }

    private void Signal(Guid patientId, Guid appointmentId, PatientRelationship relationship, Actor actor, bool timeline)
    {
        var seenBy = WhoMaySee.Change(relationship, PatientSection.Calendar, Audience.Everyone);
        notifier.PathwayChanged(new PathwayChange(patientId, PatientSection.Calendar, appointmentId, actor.UserId) { SeenBy = seenBy });
        if (timeline)
            notifier.PathwayChanged(new PathwayChange(patientId, PatientSection.Timeline, appointmentId, actor.UserId)
            {
                SeenBy = WhoMaySee.EntryAbout(relationship, PatientSection.Timeline, Audience.Everyone, BlockedItemKind.Appointment, [appointmentId], null),
                AboutItemKind = BlockedItemKind.Appointment,
                AboutItemIds = [appointmentId],
            });
    }
}
