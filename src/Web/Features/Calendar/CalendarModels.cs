using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Calendar;
using CareWorkspace.Domain.Organisations;
using CareWorkspace.Web.Features.CareTeam;

namespace CareWorkspace.Web.Features.Calendar;

/// <summary>A patient's joint calendar for a range of Copenhagen days, with what this viewer may do and the choices for booking.</summary>
public sealed record CalendarView(
    Guid PatientId,
    string PatientName,
    DateOnly From,
    DateOnly To,
    IReadOnlyList<AppointmentView> Appointments,
    CalendarPermissions Can,
    IReadOnlyList<OrganisationOption> Organisations,
    IReadOnlyList<ParticipantOption> People,
    DateOnly Today);

/// <summary>What this viewer may do in the calendar, from the access matrix: the UI offers only what will be allowed.</summary>
public sealed record CalendarPermissions(bool Book, bool Change)
{
    public static readonly CalendarPermissions None = new(false, false);
}

public sealed record AppointmentView(
    Guid Id, Guid Version, Guid PatientId, Guid? SeriesId, Guid OrganisationId, string OrganisationName, Sector Sector,
    AppointmentType Type, AppointmentMode Mode, string? Location, DateTimeOffset Start, DateTimeOffset End,
    AppointmentStatus Status, string? CancellationReason, string? Reason, string? Notes,
    IReadOnlyList<ParticipantView> Participants, bool HasVideoMeeting, string BookedBy, string? ChangedBy, DateTimeOffset? ChangedAt,
    string? ExternalSource = null)
{
    /// <summary>Booked elsewhere (the hospital's booking) and shared through the national appointments service: read-only here.</summary>
    public bool IsImported => ExternalSource is not null;

    public bool IsOpen => AppointmentLifecycle.IsOpen(Status);

    /// <summary>The viewer's own place among the participants (as <see cref="Appointment.ParticipantFor"/>), to answer the invitation.</summary>
    public ParticipantView? ParticipantFor(Actor viewer) =>
        Participants.FirstOrDefault(p => p.UserId == viewer.UserId)
        ?? (viewer.Role == UserRole.Patient ? Participants.FirstOrDefault(p => p.Kind == ParticipantKind.Patient) : null);
}

public sealed record ParticipantView(Guid Id, ParticipantKind Kind, string? UserId, string Name, ParticipantRequirement Requirement, ParticipationStatus Status);

/// <summary>Someone who can be invited: a practitioner of an organisation on the care team, the patient, or a relative with an account.</summary>
public sealed record ParticipantOption(ParticipantKind Kind, string UserId, string Name, Guid? OrganisationId, string? OrganisationName);

/// <summary>What the booker entered, in Copenhagen time.</summary>
public sealed record AppointmentInput(
    Guid OrganisationId,
    AppointmentType Type,
    AppointmentMode Mode,
    string? Location,
    DateOnly Day,
    TimeOnly StartTime,
    TimeOnly EndTime,
    IReadOnlyList<ParticipantInput> Participants,
    string? Reason = null,
    string? Notes = null,
    RecurrenceInput? Recurrence = null,
    AppointmentStatus Status = AppointmentStatus.Booked);

public sealed record ParticipantInput(ParticipantKind Kind, string? UserId, string Name,
    ParticipantRequirement Requirement = ParticipantRequirement.Required, ParticipationStatus Status = ParticipationStatus.NeedsAction);

/// <summary>Every <see cref="IntervalWeeks"/> weeks on <see cref="Days"/>, for <see cref="Count"/> appointments or until <see cref="Until"/>.</summary>
public sealed record RecurrenceInput(int IntervalWeeks, IReadOnlyList<DayOfWeek> Days, int? Count, DateOnly? Until);

/// <summary>For an occurrence of a series: change only this one, or this and the following ones.</summary>
public enum SeriesScope
{
    ThisOccurrence,
    ThisAndFollowing,
}

/// <summary>The appointments of one organisation's patients (or one practitioner's) over some days: the staff calendar at /calendar.</summary>
/// <summary>A staff calendar; <paramref name="SomethingBlocked"/>: appointments a patient blocked from the viewer were left out.</summary>
public sealed record StaffCalendarView(DateOnly From, DateOnly To, IReadOnlyList<StaffAppointmentView> Appointments, DateOnly Today, bool SomethingBlocked = false);

public sealed record StaffAppointmentView(AppointmentView Appointment, string PatientName, bool IsMine);
