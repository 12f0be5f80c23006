using CareWorkspace.Domain.Common;

namespace CareWorkspace.Domain.FollowUp;

/// <summary>
/// A discharge asks the patient's GP clinic to see the patient within some days: a task in the clinic's list until a
/// follow-up appointment is booked, escalated to the GP when it is still unbooked after a set time.
/// </summary>
public sealed class FollowUpTask
{
    public const int NoteMaxLength = 1000;
    public const int MaxDays = 90;

    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid PatientId { get; private set; }

    /// <summary>The GP clinic that is to see the patient.</summary>
    public Guid OrganisationId { get; private set; }

    public DateTimeOffset DischargedAt { get; private set; }

    /// <summary>The last Danish day by which the consultation should have taken place.</summary>
    public DateOnly DueBy { get; private set; }

    public string? Note { get; private set; }
    public string RequestedBy { get; private set; } = "";
    public string RequestedByOrganisation { get; private set; } = "";
    public DateTimeOffset? EscalatedAt { get; private set; }
    public DateTimeOffset? BookedAt { get; private set; }

    private FollowUpTask() { }

    public static FollowUpTask AfterDischarge(Guid patientId, Guid gpOrganisationId, DateTimeOffset dischargedAt, int withinDays, string? note,
        string requestedBy, string requestedByOrganisation)
    {
        if (withinDays is < 1 or > MaxDays)
            throw new DomainException("A GP follow-up must be within 1 to {0} days.", MaxDays);
        return new FollowUpTask
        {
            PatientId = patientId,
            OrganisationId = gpOrganisationId,
            DischargedAt = dischargedAt,
            DueBy = CopenhagenTime.DateOf(dischargedAt).AddDays(withinDays),
            Note = CleanNote(note),
            RequestedBy = requestedBy,
            RequestedByOrganisation = requestedByOrganisation,
        };
    }

    /// <summary>The discharge note as stored (trimmed, at most <see cref="NoteMaxLength"/> characters), or null.</summary>
    public static string? CleanNote(string? note) => Guard.Optional(note, "Note", NoteMaxLength);

    public bool IsOpen => BookedAt is null;

    public bool IsEscalated => EscalatedAt is not null;

    /// <summary>Open, not escalated yet, and unbooked for <paramref name="escalateAfter"/> since the discharge.</summary>
    public bool ShouldEscalate(DateTimeOffset now, TimeSpan escalateAfter) =>
        IsOpen && !IsEscalated && now - DischargedAt >= escalateAfter;

    public void Escalate(DateTimeOffset at) => EscalatedAt ??= at;

    /// <summary>A follow-up appointment with the clinic exists after the discharge: the task is done.</summary>
    public void MarkBooked(DateTimeOffset at) => BookedAt ??= at;
}
