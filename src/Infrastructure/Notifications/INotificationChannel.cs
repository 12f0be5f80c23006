using CareWorkspace.Domain.Notifications;
using CareWorkspace.Infrastructure.Persistence;

namespace CareWorkspace.Infrastructure.Notifications;

/// <summary>
/// One way of telling a person something (the bell, e-mail, SMS). A channel that <see cref="StoresInDatabase"/> adds
/// its record to the caller's unit of work, so the notification and the record that it was sent commit together;
/// the others send when called, after the caller's commit.
/// </summary>
public interface INotificationChannel
{
    NotificationChannelKind Kind { get; }

    bool StoresInDatabase { get; }

    Task SendAsync(CareDbContext db, NotificationRecipient recipient, NotificationMessage message, CancellationToken ct);
}
