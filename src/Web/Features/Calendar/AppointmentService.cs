using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Blocks;
using CareWorkspace.Domain.Calendar;
using CareWorkspace.Domain.Common;
using CareWorkspace.Domain.Pathway;
using CareWorkspace.Infrastructure.Access;
using CareWorkspace.Infrastructure.Persistence;
using CareWorkspace.Infrastructure.Realtime;
using Microsoft.EntityFrameworkCore;

namespace CareWorkspace.Web.Features.Calendar;

/// <summary>
/// The patient's joint calendar: reading a range of days, checking conflicts, booking, changing, cancelling and moving the
/// status of appointments. Every read and write asks the access guard for the Calendar section; changes are committed, then
/// signalled to every viewer of the patient's calendar and of the staff calendars of the organisations on the care team.
/// </summary>
public sealed class AppointmentService(
    IDbContextFactory<CareDbContext> dbFactory,
    PatientAccessGuard guard,
    IPathwayNotifier notifier,
    TimeProvider clock) : IPatientDataService
{
    /// <summary>The longest range one read shows (a month view with its edges, or an agenda of a year).</summary>
    public const int MaxDays = 400;

    public async Task<CalendarView> GetAsync(Actor actor, Guid patientId, DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        RefuseRange(from, to);
        var (_, relationship) = await guard.DemandSharedReadAsync(actor, patientId, PatientSection.Calendar, "Calendar", ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (start, end) = (CopenhagenTime.StartOf(from).ToUniversalTime(), CopenhagenTime.EndOf(to).ToUniversalTime());
        var blocked = PatientAccessPolicy.BlockedItemDecisions(actor, relationship, BlockedItemKind.Appointment);
        var appointments = (await db.Appointments.AsNoTracking()
            .Where(a => a.PatientId == patientId && a.Start < end && a.End > start)
            .ToListAsync(ct))
            .Where(a => !blocked.TryGetValue(a.Id, out var decision) || decision.Allowed)
            .ToList();
        await guard.RecordItemsUnderEmergencyAsync(actor, relationship, PatientSection.Calendar, "Calendar",
            [.. appointments.Where(a => blocked.ContainsKey(a.Id)).Select(a => blocked[a.Id])], ct);
        var patient = await db.Patients.AsNoTracking().Where(p => p.Id == patientId)
            .Select(p => new { p.GivenName, p.FamilyName }).SingleAsync(ct);
        var can = new CalendarPermissions(
            Book: PatientAccessGuard.Permits(actor, relationship, AccessAction.Create, PatientSection.Calendar),
            Change: PatientAccessGuard.Permits(actor, relationship, AccessAction.Update, PatientSection.Calendar));
        var careTeam = relationship.ActiveCareTeamOrganisationIds.ToList();
        // The few distinct organisations, not one parameter per appointment (a busy week has hundreds).
        var shownOrganisations = careTeam.Union(appointments.Select(a => a.OrganisationId)).ToList();
        var organisations = await db.Organisations.AsNoTracking()
            .Where(o => shownOrganisations.Contains(o.Id))
            .ToListAsync(ct);
        var people = can.Book || can.Change ? await CalendarPeople.OptionsAsync(db, patientId, careTeam, ct) : [];
        return new CalendarView(patientId, $"{patient.GivenName} {patient.FamilyName}", from, to,
            appointments.OrderBy(a => a.Start).Select(a => AppointmentViews.For(a, organisations)).ToList(),
            can,
            organisations.Where(o => careTeam.Contains(o.Id)).OrderBy(o => o.Name).Select(o => new CareTeam.OrganisationOption(o.Id, o.Name, o.Sector)).ToList(),
            people,
            CopenhagenTime.Today(clock));
    }

    /// <summary>
    /// The day (in Copenhagen) of one of the patient's appointments, for a link that opens it in the calendar; null when the
    /// patient has no such appointment.
    /// </summary>
    public async Task<DateOnly?> DayOfAsync(Actor actor, Guid patientId, Guid appointmentId, CancellationToken ct = default)
    {
        var (_, relationship) = await guard.DemandSharedReadAsync(actor, patientId, PatientSection.Calendar, "Calendar appointment", ct);
        if (PatientAccessPolicy.HiddenItemIds(actor, relationship, BlockedItemKind.Appointment).Contains(appointmentId))
            return null;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var start = await db.Appointments.AsNoTracking().Where(a => a.Id == appointmentId && a.PatientId == patientId)
            .Select(a => (DateTimeOffset?)a.Start).SingleOrDefaultAsync(ct);
        return start is { } s ? CopenhagenTime.DateOf(s) : null;
    }

    /// <summary>
    /// The appointments a booking or change would overlap, for the patient or a practitioner, before it is saved. A practitioner's
    /// other appointment is named only by its time, never by its patient.
    /// </summary>
    public async Task<IReadOnlyList<AppointmentConflict>> FindConflictsAsync(Actor actor, Guid patientId, AppointmentInput input,
        Guid? changing, SeriesScope scope, CancellationToken ct = default)
    {
        await guard.DemandSharedReadAsync(actor, patientId, PatientSection.Calendar, "Calendar conflicts", ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var participants = input.Participants
            .Where(p => p.Kind == ParticipantKind.Practitioner && p.UserId is not null)
            .Select(p => new AppointmentParticipant(p.Kind, p.UserId, string.IsNullOrWhiteSpace(p.Name) ? "?" : p.Name))
            .ToList();
        var (times, ignoring) = await PlannedTimesAsync(db, patientId, input, changing, scope, ct);
        return await ConflictsAsync(db, patientId, participants, times, ignoring, ct);
    }

    /// <summary>Books an appointment, or a whole series; returns the (first) appointment's id.</summary>
    public Task<Guid> BookAsync(Actor actor, Guid patientId, AppointmentInput input, CancellationToken ct = default) =>
        WriteAsync(actor, patientId, AccessAction.Create, input.Recurrence is null ? "Booked appointment" : "Booked appointment series",
            async (db, relationship, stamp) =>
            {
                if (!relationship.ActiveCareTeamOrganisationIds.Contains(input.OrganisationId))
                    throw new DomainException("Choose an organisation on the patient's care team.");
                var organisation = await db.Organisations.SingleAsync(o => o.Id == input.OrganisationId, ct);
                var participants = await CalendarPeople.ResolveAsync(db, patientId, relationship, input.Participants, ct);
                var details = Details(input);
                Appointment first;
                DateTimeOffset? last = null;
                var count = 1;
                if (input.Recurrence is { } r)
                {
                    var rule = new Recurrence(r.IntervalWeeks, r.Days, r.Count, r.Until);
                    var duration = AppointmentTime.InCopenhagen(input.Day, input.StartTime, input.EndTime).Duration;
                    var (series, occurrences) = AppointmentSeries.Book(patientId, organisation.Id, details, input.Day, input.StartTime, duration, rule,
                        participants, stamp, input.Status);
                    db.AppointmentSeries.Add(series);
                    db.Appointments.AddRange(occurrences);
                    first = occurrences[0];
                    last = occurrences[^1].Start;
                    count = occurrences.Count;
                }
                else
                {
                    first = Appointment.Book(patientId, organisation.Id, details, AppointmentTime.InCopenhagen(input.Day, input.StartTime, input.EndTime),
                        participants, stamp, input.Status);
                    db.Appointments.Add(first);
                }
                var booked = PathwayEvent.AppointmentBooked(patientId, stamp.At, organisation, first.Id, first.Type, first.Start, count, stamp.ByName, last);
                db.PathwayEvents.Add(booked);
                return (first.Id, booked.Id);
            }, ct);

    /// <summary>Changes an appointment (or, for a series, this and the following ones), based on the version the user opened.</summary>
    public Task ChangeAsync(Actor actor, Guid patientId, Guid appointmentId, Guid expectedVersion, AppointmentInput input, SeriesScope scope,
        CancellationToken ct = default) =>
        WriteAsync(actor, patientId, AccessAction.Update, "Changed appointment", async (db, relationship, stamp) =>
        {
            var appointment = await OwnAppointmentAsync(db, actor, patientId, appointmentId, "Changed appointment", ct);
            var participants = await CalendarPeople.ResolveAsync(db, patientId, relationship, input.Participants, ct);
            var details = Details(input);
            var time = AppointmentTime.InCopenhagen(input.Day, input.StartTime, input.EndTime);
            if (scope == SeriesScope.ThisAndFollowing && appointment.SeriesId is { } seriesId)
            {
                var series = await db.AppointmentSeries.SingleAsync(s => s.Id == seriesId, ct);
                var occurrences = await db.Appointments.Where(a => a.SeriesId == seriesId).ToListAsync(ct);
                var split = series.ChangeFollowing(appointment, expectedVersion, occurrences, details, input.StartTime, time.Duration, participants, stamp);
                if (split is not null)
                    db.AppointmentSeries.Add(split);
            }
            else
            {
                appointment.Change(expectedVersion, details, time, participants, stamp);
            }
            return (appointment.Id, null);
        }, ct);

    /// <summary>Cancels an appointment (or this and the following ones of a series) with the reason, shown on the timeline.</summary>
    public Task CancelAsync(Actor actor, Guid patientId, Guid appointmentId, Guid expectedVersion, string? reason, SeriesScope scope,
        CancellationToken ct = default) =>
        WriteAsync(actor, patientId, AccessAction.Update, "Cancelled appointment", async (db, _, stamp) =>
        {
            var appointment = await OwnAppointmentAsync(db, actor, patientId, appointmentId, "Cancelled appointment", ct);
            var count = 1;
            if (scope == SeriesScope.ThisAndFollowing && appointment.SeriesId is { } seriesId)
            {
                var series = await db.AppointmentSeries.SingleAsync(s => s.Id == seriesId, ct);
                var occurrences = await db.Appointments.Where(a => a.SeriesId == seriesId).ToListAsync(ct);
                count = series.CancelFollowing(appointment, expectedVersion, occurrences, reason, stamp).Count(a => a.Status == AppointmentStatus.Cancelled);
            }
            else
            {
                appointment.Cancel(expectedVersion, reason, stamp);
            }
            var organisation = await db.Organisations.SingleAsync(o => o.Id == appointment.OrganisationId, ct);
            var cancelled = PathwayEvent.AppointmentCancelled(patientId, stamp.At, organisation, appointment.Id, appointment.Type, appointment.Start, count,
                appointment.CancellationReason!, stamp.ByName);
            db.PathwayEvents.Add(cancelled);
            return (appointment.Id, cancelled.Id);
        }, ct);

    /// <summary>Booked, arrived, fulfilled or no-show.</summary>
    public Task ChangeStatusAsync(Actor actor, Guid patientId, Guid appointmentId, Guid expectedVersion, AppointmentStatus status,
        CancellationToken ct = default) =>
        WriteAsync(actor, patientId, AccessAction.Update, "Changed appointment status", async (db, _, stamp) =>
        {
            var appointment = await OwnAppointmentAsync(db, actor, patientId, appointmentId, "Changed appointment status", ct);
            appointment.ChangeStatus(expectedVersion, status, stamp);
            return (appointment.Id, null);
        }, ct);

    /// <summary>
    /// A participant answers for themselves (accepts or declines). Seeing the calendar is enough: the answer changes only the
    /// participant's own place, and anyone who is not a participant is refused (and logged).
    /// </summary>
    public Task RespondAsync(Actor actor, Guid patientId, Guid appointmentId, ParticipationStatus answer, CancellationToken ct = default) =>
        WriteAsync(actor, patientId, AccessAction.Read, "Answered appointment", async (db, relationship, stamp) =>
        {
            var appointment = await OwnAppointmentAsync(db, actor, patientId, appointmentId, "Answered appointment", ct);
            var me = appointment.ParticipantFor(actor.UserId, actor.Role == UserRole.Patient && relationship.PatientUserId == actor.UserId)
                ?? throw new DomainException("Only a participant can accept or decline the appointment.");
            appointment.Respond(me.Id, answer, stamp);
            return (appointment.Id, null);
        }, ct);

    private static AppointmentDetails Details(AppointmentInput input) =>
        new(input.Type, input.Mode, input.Mode == AppointmentMode.InPerson ? input.Location : null, input.Reason, input.Notes);

    private static void RefuseRange(DateOnly from, DateOnly to)
    {
        if (to < from || to.DayNumber - from.DayNumber >= MaxDays)
            throw new DomainException("Choose a period of 1 to {0} days.", MaxDays);
    }

    /// <summary>An appointment of this patient; an unknown or another patient's id is refused and logged.</summary>
    private async Task<Appointment> OwnAppointmentAsync(CareDbContext db, Actor actor, Guid patientId, Guid appointmentId, string what, CancellationToken ct)
    {
        var appointment = await db.Appointments.SingleOrDefaultAsync(a => a.Id == appointmentId, ct);
        if (appointment is not null && appointment.PatientId == patientId)
            return appointment;
        const string reason = "That appointment is not in this patient's calendar.";
        throw await guard.RefuseAsync(db, actor, patientId, AccessAction.Update, PatientSection.Calendar, $"{what} (unknown appointment {appointmentId})", reason, ct);
    }

    private static async Task<(IReadOnlyList<AppointmentTime> Times, IReadOnlySet<Guid> Ignoring)> PlannedTimesAsync(CareDbContext db, Guid patientId,
        AppointmentInput input, Guid? changing, SeriesScope scope, CancellationToken ct)
    {
        var time = AppointmentTime.InCopenhagen(input.Day, input.StartTime, input.EndTime);
        if (changing is not { } id)
        {
            var times = input.Recurrence is { } r
                ? new Recurrence(r.IntervalWeeks, r.Days, r.Count, r.Until).Occurrences(input.Day, input.StartTime, time.Duration)
                : [time];
            return (times, new HashSet<Guid>());
        }
        var current = await db.Appointments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id && a.PatientId == patientId, ct);
        if (current?.SeriesId is not { } seriesId || scope != SeriesScope.ThisAndFollowing)
            return ([time], new HashSet<Guid> { id });
        var following = await db.Appointments.AsNoTracking()
            .Where(a => a.SeriesId == seriesId && a.Start >= current.Start && (a.Status == AppointmentStatus.Booked || a.Status == AppointmentStatus.Proposed))
            .ToListAsync(ct);
        var moved = following.Select(o =>
        {
            var begins = CopenhagenTime.At(CopenhagenTime.DateOf(o.Start), input.StartTime);
            return new AppointmentTime(begins, begins + time.Duration);
        }).ToList();
        return (moved, following.Select(o => o.Id).Append(id).ToHashSet());
    }

    private static async Task<IReadOnlyList<AppointmentConflict>> ConflictsAsync(CareDbContext db, Guid patientId,
        IReadOnlyList<AppointmentParticipant> participants, IReadOnlyList<AppointmentTime> times, IReadOnlySet<Guid> ignoring, CancellationToken ct)
    {
        if (times.Count == 0)
            return [];
        var (start, end) = (times.Min(t => t.Start), times.Max(t => t.End));
        var practitioners = participants.Where(p => p.Kind == ParticipantKind.Practitioner && p.UserId is not null).Select(p => p.UserId!).ToList();
        var candidates = await db.Appointments.AsNoTracking()
            .Where(a => a.Start < end && a.End > start && a.Status != AppointmentStatus.Cancelled)
            .Where(a => a.PatientId == patientId || a.Participants.Any(p => p.UserId != null && practitioners.Contains(p.UserId)))
            .ToListAsync(ct);
        return AppointmentConflicts.Find(patientId, participants, times, candidates, ignoring);
    }

    private Task<Guid> WriteAsync(Actor actor, Guid patientId, AccessAction action, string what,
        Func<CareDbContext, PatientRelationship, ChangeStamp, Task<(Guid Id, Guid? EventId)>> apply, CancellationToken ct) =>
        new SectionWriter(dbFactory, guard, notifier, clock, PatientSection.Calendar).WriteAsync(actor, patientId, action, what, apply, ct);
}
