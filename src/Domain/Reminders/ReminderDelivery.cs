using CareWorkspace.Domain.Notifications;

namespace CareWorkspace.Domain.Reminders;

/// <summary>
/// That one reminder went to one person through one channel, for the appointment as it was then (its start). Unique
/// by (appointment, recipient, start, channel): a second run, a concurrent run or a run after a crash cannot send it
/// again, and a moved appointment (a new start) is a new reminder.
/// </summary>
public sealed class ReminderDelivery
{
    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid AppointmentId { get; private set; }
    public string RecipientUserId { get; private set; } = "";
    public DateTimeOffset StartsAt { get; private set; }
    public NotificationChannelKind Channel { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>
    /// When it was sent. The bell's notification is stored in the same transaction, so it is set at once; e-mail and
    /// SMS are sent after the commit and then marked, and an unmarked one is sent again by a later run.
    /// </summary>
    public DateTimeOffset? SentAt { get; private set; }

    private ReminderDelivery() { }

    public ReminderDelivery(Guid appointmentId, string recipientUserId, DateTimeOffset startsAt, NotificationChannelKind channel, DateTimeOffset at, bool sent)
    {
        AppointmentId = appointmentId;
        RecipientUserId = recipientUserId;
        StartsAt = startsAt;
        Channel = channel;
        CreatedAt = at;
        SentAt = sent ? at : null;
    }

    public void MarkSent(DateTimeOffset at) => SentAt ??= at;
}
