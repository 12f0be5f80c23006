namespace CareWorkspace.Domain.Messaging;

/// <summary>That a user has read a message; shown to the sender as "read by".</summary>
public sealed class MessageReadReceipt
{
    public long Id { get; private set; }
    public Guid ThreadId { get; private set; }
    public Guid MessageId { get; private set; }
    public string UserId { get; private set; } = "";
    public string UserName { get; private set; } = "";
    public DateTimeOffset ReadAt { get; private set; }

    private MessageReadReceipt() { }

    public MessageReadReceipt(Guid threadId, Guid messageId, string userId, string userName, DateTimeOffset readAt)
    {
        ThreadId = threadId;
        MessageId = messageId;
        UserId = userId;
        UserName = userName;
        ReadAt = readAt;
    }
}
