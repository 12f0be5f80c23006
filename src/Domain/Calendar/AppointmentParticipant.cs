using CareWorkspace.Domain.Common;

namespace CareWorkspace.Domain.Calendar;

/// <summary>
/// One person taking part in an appointment: a practitioner, the patient or a relative, by user account when they have one
/// (needed to see the appointment in their own calendar and to join a video consultation), and by name.
/// </summary>
public sealed class AppointmentParticipant
{
    public const int NameMaxLength = 200;

    public Guid Id { get; private set; } = Guid.NewGuid();
    public ParticipantKind Kind { get; private set; }
    public string? UserId { get; private set; }
    public string Name { get; private set; } = "";
    public ParticipantRequirement Requirement { get; private set; }
    public ParticipationStatus Status { get; private set; }

    private AppointmentParticipant() { }

    public AppointmentParticipant(ParticipantKind kind, string? userId, string name, ParticipantRequirement requirement = ParticipantRequirement.Required,
        ParticipationStatus status = ParticipationStatus.NeedsAction)
    {
        Kind = kind;
        UserId = string.IsNullOrWhiteSpace(userId) ? null : userId.Trim();
        Name = Guard.Required(name, "Participant name", NameMaxLength);
        Requirement = requirement;
        Status = status;
    }

    public bool IsRequired => Requirement == ParticipantRequirement.Required;

    internal void Respond(ParticipationStatus status) => Status = status;

    internal AppointmentParticipant Copy() => new(Kind, UserId, Name, Requirement, Status);
}
