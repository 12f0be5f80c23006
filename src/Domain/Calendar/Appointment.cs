using System.Globalization;
using CareWorkspace.Domain.Common;

namespace CareWorkspace.Domain.Calendar;

/// <summary>
/// A meeting between the patient and one or more practitioners (the national Appointment profile): owned by one organisation,
/// at a time stored as UTC instants, with a status that moves only forward. An occurrence of a recurring series carries
/// its <see cref="SeriesId"/>; it can be changed or cancelled on its own like any appointment.
/// </summary>
public sealed class Appointment : AggregateRoot
{
    public const int CancellationReasonMaxLength = 500;
    public const int ChangedByMaxLength = 200;
    public const int ExternalIdentifierMaxLength = 300;
    public const int ExternalSourceMaxLength = 200;

    private readonly List<AppointmentParticipant> _participants = [];

    public Guid PatientId { get; private set; }
    public Guid OrganisationId { get; private set; }
    public Guid? SeriesId { get; private set; }
    public AppointmentType Type { get; private set; }
    public AppointmentMode Mode { get; private set; }
    public string? Location { get; private set; }
    public DateTimeOffset Start { get; private set; }
    public DateTimeOffset End { get; private set; }
    public AppointmentStatus Status { get; private set; }
    public string? CancellationReason { get; private set; }
    public string? Reason { get; private set; }
    public string? Notes { get; private set; }
    public IReadOnlyList<AppointmentParticipant> Participants => _participants;

    /// <summary>The video room, for an appointment in video mode once a meeting is made.</summary>
    public VideoMeeting? VideoMeeting { get; private set; }

    /// <summary>For an appointment from a national service: its identifier there ("system|value"), unique here.</summary>
    public string? ExternalIdentifier { get; private set; }

    /// <summary>For an appointment from a national service: whose booking it is (the hospital's name), shown on it.</summary>
    public string? ExternalSource { get; private set; }

    public string BookedBy { get; private set; } = "";
    public DateTimeOffset BookedAt { get; private set; }
    public string? ChangedBy { get; private set; }
    public DateTimeOffset? ChangedAt { get; private set; }

    private Appointment() { }

    private Appointment(Guid patientId, Guid organisationId, AppointmentDetails details, AppointmentTime time,
        IEnumerable<AppointmentParticipant> participants, AppointmentStatus status, ChangeStamp stamp, Guid? seriesId)
    {
        if (patientId == Guid.Empty)
            throw new DomainException("An appointment belongs to a patient.");
        if (organisationId == Guid.Empty)
            throw new DomainException("An appointment needs the organisation that owns it.");
        if (status is not (AppointmentStatus.Proposed or AppointmentStatus.Booked))
            throw new DomainException("A new appointment is proposed or booked.");
        RefusePast(time, stamp);
        PatientId = patientId;
        OrganisationId = organisationId;
        SeriesId = seriesId;
        Status = status;
        Apply(details);
        Start = time.Start;
        End = time.End;
        SetParticipants(participants);
        BookedBy = Guard.Required(stamp.ByName, "Booked by", ChangedByMaxLength);
        BookedAt = stamp.At.ToUniversalTime();
    }

    /// <summary>Books an appointment; refused if it starts before <paramref name="stamp"/>'s time (booking in the past).</summary>
    public static Appointment Book(Guid patientId, Guid organisationId, AppointmentDetails details, AppointmentTime time,
        IEnumerable<AppointmentParticipant> participants, ChangeStamp stamp, AppointmentStatus status = AppointmentStatus.Booked) =>
        new(patientId, organisationId, details, time, participants, status, stamp, null);

    internal static Appointment Occurrence(Guid patientId, Guid organisationId, AppointmentDetails details, AppointmentTime time,
        IEnumerable<AppointmentParticipant> participants, ChangeStamp stamp, AppointmentStatus status, Guid seriesId) =>
        new(patientId, organisationId, details, time, participants, status, stamp, seriesId);

    /// <summary>
    /// An appointment booked elsewhere (the hospital's booking) as the national appointments service has it, with any
    /// status and time (it may be past or already fulfilled). Changed only by its source (<see cref="UpdateFromSource"/>).
    /// </summary>
    public static Appointment Import(Guid patientId, Guid organisationId, AppointmentDetails details, AppointmentTime time,
        IEnumerable<AppointmentParticipant> participants, AppointmentStatus status, string externalIdentifier, string externalSource, ChangeStamp stamp)
    {
        if (patientId == Guid.Empty)
            throw new DomainException("An appointment belongs to a patient.");
        if (organisationId == Guid.Empty)
            throw new DomainException("An appointment needs the organisation that owns it.");
        var appointment = new Appointment
        {
            PatientId = patientId,
            OrganisationId = organisationId,
            ExternalIdentifier = Guard.Required(externalIdentifier, "Identifier", ExternalIdentifierMaxLength),
            ExternalSource = Guard.Required(externalSource, "Source", ExternalSourceMaxLength),
            BookedBy = Guard.Required(stamp.ByName, "Booked by", ChangedByMaxLength),
            BookedAt = stamp.At.ToUniversalTime(),
        };
        appointment.FromSource(details, time, participants, status);
        return appointment;
    }

    /// <summary>Booked elsewhere and imported: read-only here.</summary>
    public bool IsImported => ExternalIdentifier is not null;

    /// <summary>The source changed the appointment (a new version): what, when, who and status follow it, whatever they were.</summary>
    public void UpdateFromSource(AppointmentDetails details, AppointmentTime time, IEnumerable<AppointmentParticipant> participants,
        AppointmentStatus status, ChangeStamp stamp)
    {
        if (!IsImported)
            throw new DomainException("Only an imported appointment is changed by its source.");
        FromSource(details, time, participants, status);
        Stamp(stamp);
    }

    private void FromSource(AppointmentDetails details, AppointmentTime time, IEnumerable<AppointmentParticipant> participants, AppointmentStatus status)
    {
        Apply(details);
        Start = time.Start;
        End = time.End;
        Status = Enum.IsDefined(status) ? status : throw new DomainException("Choose the status of the appointment.");
        SetParticipants(participants);
    }

    public AppointmentTime Time => new(Start, End);

    public AppointmentDetails Details => new(Type, Mode, Location, Reason, Notes);

    public bool IsOpen => AppointmentLifecycle.IsOpen(Status);

    /// <summary>Changes what, when and who in one step (the appointment dialog); refused when stale, closed or moved into the past.</summary>
    public void Change(Guid expectedVersion, AppointmentDetails details, AppointmentTime time, IEnumerable<AppointmentParticipant> participants, ChangeStamp stamp)
    {
        RefuseImported();
        RefuseStale(expectedVersion);
        RefuseClosed();
        if (time != Time)
            RefusePast(time, stamp);
        if (details.Type == AppointmentType.DischargeConference != (Type == AppointmentType.DischargeConference))
            throw new DomainException("A discharge conference stays a discharge conference; book a new appointment instead.");
        Apply(details);
        Start = time.Start;
        End = time.End;
        SetParticipants(participants);
        Stamp(stamp);
    }

    /// <summary>Moves the appointment to another time, keeping everything else.</summary>
    public void Reschedule(Guid expectedVersion, AppointmentTime time, ChangeStamp stamp) =>
        Change(expectedVersion, Details, time, Participants.Select(p => p.Copy()).ToList(), stamp);

    public void Cancel(Guid expectedVersion, string? reason, ChangeStamp stamp)
    {
        RefuseImported();
        RefuseStale(expectedVersion);
        var why = Guard.Optional(reason, "Reason for cancelling", CancellationReasonMaxLength)
            ?? throw new DomainException("Give the reason for cancelling the appointment.");
        MoveTo(AppointmentStatus.Cancelled, stamp);
        CancellationReason = why;
    }

    /// <summary>Booked, arrived, fulfilled or no-show; cancelling needs a reason (<see cref="Cancel"/>).</summary>
    public void ChangeStatus(Guid expectedVersion, AppointmentStatus status, ChangeStamp stamp)
    {
        RefuseImported();
        RefuseStale(expectedVersion);
        if (status == AppointmentStatus.Cancelled)
            throw new DomainException("Give the reason for cancelling the appointment.");
        MoveTo(status, stamp);
    }

    /// <summary>
    /// The participant who is this user: by account, or the patient's own place when the user is the patient of the record
    /// (a patient participant may have been booked without an account).
    /// </summary>
    public AppointmentParticipant? ParticipantFor(string userId, bool isThePatient) =>
        _participants.FirstOrDefault(p => p.UserId == userId)
        ?? (isThePatient ? _participants.FirstOrDefault(p => p.Kind == ParticipantKind.Patient) : null);

    /// <summary>A participant accepts, declines or answers tentatively.</summary>
    public void Respond(Guid participantId, ParticipationStatus answer, ChangeStamp stamp)
    {
        RefuseImported();
        var participant = _participants.SingleOrDefault(p => p.Id == participantId)
            ?? throw new DomainException("That person does not take part in this appointment.");
        RefuseClosed();
        if (answer == ParticipationStatus.NeedsAction)
            throw new DomainException("Accept or decline the appointment.");
        participant.Respond(answer);
        Stamp(stamp);
    }

    /// <summary>Gives a video appointment its meeting room, once (made by the video provider on first need).</summary>
    public void UseVideoMeeting(VideoMeeting meeting)
    {
        if (Mode != AppointmentMode.Video)
            throw new DomainException("This appointment is not a video consultation.");
        VideoMeeting ??= meeting;
    }

    /// <summary>The host starts the video consultation (who may, and when, is <c>Video.VideoJoinWindow</c>'s and the service's rule).</summary>
    public void StartVideoConsultation(string userId, ChangeStamp stamp)
    {
        if (VideoMeeting is null)
            throw new DomainException("This appointment is not a video consultation.");
        VideoMeeting.MarkStarted(userId, Guard.Required(stamp.ByName, "Changed by", ChangedByMaxLength), stamp.At);
    }

    /// <summary>Invites one more person (a relative, as a guest of a video consultation) to an open appointment.</summary>
    public void InviteGuest(AppointmentParticipant guest, ChangeStamp stamp)
    {
        RefuseImported();
        RefuseClosed();
        if (guest.UserId is not null && _participants.Any(p => p.UserId == guest.UserId))
            throw new DomainException("Each person takes part only once.");
        _participants.Add(guest);
        Stamp(stamp);
    }

    /// <summary>Joins this occurrence to another series (the "this and following" part of a split series).</summary>
    internal void MoveToSeries(Guid seriesId) => SeriesId = seriesId;

    /// <summary>The values shown to an editor whose change came too late.</summary>
    public IReadOnlyDictionary<string, string?> Values() => new Dictionary<string, string?>
    {
        ["Type"] = Type.ToString(),
        ["Mode"] = Mode.ToString(),
        ["Location"] = Location,
        ["Start"] = CopenhagenTime.ToCopenhagen(Start).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        ["End"] = CopenhagenTime.ToCopenhagen(End).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        ["Status"] = Status.ToString(),
        ["Reason"] = Reason,
        ["Notes"] = Notes,
        ["Cancellation reason"] = CancellationReason,
    };

    private void MoveTo(AppointmentStatus status, ChangeStamp stamp)
    {
        if (!AppointmentLifecycle.MayMove(Status, status))
            throw new DomainException("An appointment that is {0} cannot become {1}.", Status, status);
        if (AppointmentLifecycle.NeedsStart(status) && stamp.At < Start)
            throw new DomainException("An appointment can be marked {0} only once it has begun.", status);
        Status = status;
        Stamp(stamp);
    }

    private void Apply(AppointmentDetails details)
    {
        Type = details.Type;
        Mode = details.Mode;
        Location = details.Location;
        Reason = details.Reason;
        Notes = details.Notes;
    }

    private void SetParticipants(IEnumerable<AppointmentParticipant> participants)
    {
        var list = participants.ToList();
        if (list.Count(p => p.Kind == ParticipantKind.Patient) > 1)
            throw new DomainException("The patient takes part only once.");
        if (list.Where(p => p.UserId is not null).GroupBy(p => p.UserId).Any(g => g.Count() > 1))
            throw new DomainException("Each person takes part only once.");
        if (!list.Any(p => p.Kind == ParticipantKind.Practitioner))
            throw new DomainException("An appointment needs at least one practitioner.");
        _participants.Clear();
        _participants.AddRange(list);
    }

    private void RefuseStale(Guid expectedVersion)
    {
        if (Version != expectedVersion)
            throw new StaleEditException("This appointment", ChangedBy ?? BookedBy, ChangedAt ?? BookedAt, Values());
    }

    private void RefuseImported()
    {
        if (IsImported)
            throw new DomainException("This appointment is {0}'s booking, shared through the national appointments service; it can only be changed there.", ExternalSource);
    }

    private void RefuseClosed()
    {
        if (!IsOpen)
            throw new DomainException("An appointment that is {0} can no longer be changed.", Status);
    }

    private static void RefusePast(AppointmentTime time, ChangeStamp stamp)
    {
        if (time.Start < stamp.At)
            throw new DomainException("An appointment cannot be booked in the past.");
    }

    private void Stamp(ChangeStamp stamp)
    {
        ChangedBy = Guard.Required(stamp.ByName, "Changed by", ChangedByMaxLength);
        ChangedAt = stamp.At.ToUniversalTime();
    }
}
