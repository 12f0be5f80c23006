using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Common;

namespace CareWorkspace.Domain.Messaging;

/// <summary>One message in a thread. The text is plain text: it is always rendered as text, never as markup.</summary>
public sealed class Message
{
    public const int TextMaxLength = 4000;

    private readonly List<Attachment> _attachments = [];

    public Guid Id { get; private set; } = Guid.NewGuid();
    public string AuthorUserId { get; private set; } = "";
    public string AuthorName { get; private set; } = "";
    public UserRole AuthorRole { get; private set; }
    public string? AuthorOrganisation { get; private set; }
    public string Text { get; private set; } = "";
    public DateTimeOffset SentAt { get; private set; }
    public bool NeedsAction { get; private set; }
    public IReadOnlyList<Attachment> Attachments => _attachments;

    private Message() { }

    internal Message(Actor author, string text, DateTimeOffset sentAt, bool needsAction, IEnumerable<(AttachmentCheck File, string StorageKey)> attachments)
    {
        AuthorUserId = author.UserId;
        AuthorName = author.DisplayName;
        AuthorRole = author.Role;
        AuthorOrganisation = author.OrganisationName;
        Text = Guard.Required(text, "Message text", TextMaxLength);
        SentAt = sentAt;
        NeedsAction = needsAction;
        _attachments.AddRange(attachments.Select(a => new Attachment(a.File, a.StorageKey)));
        if (_attachments.Count > AttachmentPolicy.MaxPerMessage)
            throw new DomainException("A message can carry at most {0} attachments.", AttachmentPolicy.MaxPerMessage);
    }
}
