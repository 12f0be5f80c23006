using CareWorkspace.Domain.Notifications;
using CareWorkspace.Infrastructure.Persistence;

namespace CareWorkspace.Infrastructure.Notifications;

/// <summary>The bell: a stored notification per user, written in the reader's language when shown.</summary>
public sealed class InAppChannel(TimeProvider clock) : INotificationChannel
{
    public NotificationChannelKind Kind => NotificationChannelKind.InApp;

    public bool StoresInDatabase => true;

    public Task SendAsync(CareDbContext db, NotificationRecipient recipient, NotificationMessage message, CancellationToken ct)
    {
        db.Notifications.Add(new Notification(recipient.UserId, message, clock.GetUtcNow()));
        return Task.CompletedTask;
    }
}
