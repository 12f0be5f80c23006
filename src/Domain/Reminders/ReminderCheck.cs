namespace CareWorkspace.Domain.Reminders;

/// <summary>
/// The reminder job has looked at one appointment, as starting at <see cref="StartsAt"/>, and reminded everyone who
/// was due then. It looks again only when something could have added a recipient: the appointment moved, the patient's
/// own account changed, or a relative's consent was given after <see cref="ConsentsSeenUntil"/>. So a relative whose
/// consent comes after the first reminders still gets theirs, and an appointment nobody is due for is not read again
/// and again.
/// </summary>
public sealed class ReminderCheck
{
    public Guid AppointmentId { get; private set; }
    public DateTimeOffset StartsAt { get; private set; }

    /// <summary>The patient's own account when the job looked (null: the patient had none).</summary>
    public string? PatientUserId { get; private set; }

    /// <summary>Consents given up to this moment had been seen; a later one makes the job look again.</summary>
    public DateTimeOffset ConsentsSeenUntil { get; private set; }

    public DateTimeOffset CheckedAt { get; private set; }

    private ReminderCheck() { }

    public ReminderCheck(Guid appointmentId, DateTimeOffset startsAt, string? patientUserId, DateTimeOffset checkedAt, TimeSpan settleTime)
    {
        AppointmentId = appointmentId;
        Seen(startsAt, patientUserId, checkedAt, settleTime);
    }

    /// <param name="settleTime">
    /// How long a consent may take from being given to being visible to the job (its transaction committing): consents
    /// given this long before the check are looked at once more, so none slips between reading and recording.
    /// </param>
    public void Seen(DateTimeOffset startsAt, string? patientUserId, DateTimeOffset checkedAt, TimeSpan settleTime)
    {
        StartsAt = startsAt;
        PatientUserId = patientUserId;
        CheckedAt = checkedAt;
        ConsentsSeenUntil = checkedAt - settleTime;
    }
}
