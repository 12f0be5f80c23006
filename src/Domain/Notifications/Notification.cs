namespace CareWorkspace.Domain.Notifications;

/// <summary>One in-app notification to one user: shown under the bell until read.</summary>
public sealed class Notification
{
    public const int LinkMaxLength = 300;

    public Guid Id { get; private set; } = Guid.NewGuid();
    public string RecipientUserId { get; private set; } = "";
    public NotificationKind Kind { get; private set; }
    public IReadOnlyDictionary<string, string> Values { get; private set; } = new Dictionary<string, string>();
    public Guid? PatientId { get; private set; }
    public string? Link { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? ReadAt { get; private set; }

    private Notification() { }

    public Notification(string recipientUserId, NotificationMessage message, DateTimeOffset at)
    {
        RecipientUserId = recipientUserId;
        Kind = message.Kind;
        Values = new Dictionary<string, string>(message.Values);
        PatientId = message.PatientId;
        Link = message.Link is { Length: > LinkMaxLength } ? null : message.Link;
        CreatedAt = at;
    }

    public bool IsRead => ReadAt is not null;

    /// <summary>Marks it read; reading it again keeps the first time.</summary>
    public void MarkRead(DateTimeOffset at) => ReadAt ??= at;
}
