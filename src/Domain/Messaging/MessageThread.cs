using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Common;

namespace CareWorkspace.Domain.Messaging;

/// <summary>
/// A secure conversation on a patient's pathway (like MedCom's CareCommunication: not for acute matters).
/// Care team members always see it; the patient and relatives only when it is shared with them.
/// </summary>
public sealed class MessageThread : AggregateRoot
{
    public const int SubjectMaxLength = 200;

    private readonly List<Message> _messages = [];

    public Guid PatientId { get; private set; }
    public string Subject { get; private set; } = "";
    public MessageCategory Category { get; private set; }
    public bool SharedWithPatient { get; private set; }
    public bool SharedWithRelatives { get; private set; }
    public DateTimeOffset StartedAt { get; private set; }
    public DateTimeOffset LastMessageAt { get; private set; }
    public string StartedByUserId { get; private set; } = "";

    /// <summary>Set when someone has dealt with the messages flagged "needs action".</summary>
    public DateTimeOffset? ActionHandledAt { get; private set; }
    public string? ActionHandledBy { get; private set; }

    public IReadOnlyList<Message> Messages => _messages;

    private MessageThread() { }

    public MessageThread(Guid patientId, string subject, MessageCategory category, bool sharedWithPatient, bool sharedWithRelatives, Actor author, string text, DateTimeOffset at,
        bool needsAction = false, IEnumerable<(AttachmentCheck File, string StorageKey)>? attachments = null)
    {
        if (patientId == Guid.Empty)
            throw new DomainException("A message thread belongs to a patient.");
        PatientId = patientId;
        Subject = Guard.Required(subject, "Subject", SubjectMaxLength);
        Category = category;
        SharedWithPatient = sharedWithPatient;
        SharedWithRelatives = sharedWithRelatives;
        StartedAt = at;
        StartedByUserId = author.UserId;
        Reply(author, text, at, needsAction, attachments ?? []);
    }

    public bool NeedsAction => ActionHandledAt is null && _messages.Any(m => m.NeedsAction);

    public Message Reply(Actor author, string text, DateTimeOffset at, bool needsAction, IEnumerable<(AttachmentCheck File, string StorageKey)> attachments)
    {
        if (!IsVisibleTo(author))
            throw new DomainException("You cannot write in a thread that is not shared with you.");
        var message = new Message(author, text, at, needsAction, attachments);
        _messages.Add(message);
        LastMessageAt = at;
        if (needsAction)
        {
            ActionHandledAt = null;
            ActionHandledBy = null;
        }
        return message;
    }

    public void MarkActionHandled(Actor actor, DateTimeOffset at)
    {
        if (!actor.IsHealthProfessional)
            throw new DomainException("Only care team members can mark a thread as handled.");
        ActionHandledAt = at;
        ActionHandledBy = actor.DisplayName;
    }

    /// <summary>Who this thread is for: the care team always, the patient and relatives when shared with them.</summary>
    public Audience Audience =>
        Audience.CareTeam | (SharedWithPatient ? Audience.Patient : 0) | (SharedWithRelatives ? Audience.Relatives : 0);

    /// <summary>
    /// The item-level rule on top of the patient-level <see cref="PatientAccessPolicy"/>: patients and relatives
    /// see only threads shared with them.
    /// </summary>
    public bool IsVisibleTo(Actor actor) => actor.Role switch
    {
        UserRole.Patient => SharedWithPatient,
        UserRole.Relative => SharedWithRelatives,
        UserRole.Administrator => false,
        _ => true,
    };
}
