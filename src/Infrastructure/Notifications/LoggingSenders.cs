using CareWorkspace.Domain.Notifications;
using CareWorkspace.Infrastructure.Persistence;
using Microsoft.Extensions.Logging;

namespace CareWorkspace.Infrastructure.Notifications;

/// <summary>
/// An e-mail or SMS sender that sends nothing: it writes the message (in the recipient's language) and logs that it
/// would have sent it, with ids only. For Development; <see cref="NotificationSettings"/> refuses it elsewhere.
/// </summary>
public sealed class LoggingSender(NotificationChannelKind kind, INotificationText text, ILogger<LoggingSender> logger) : INotificationChannel
{
    public NotificationChannelKind Kind => kind;

    public bool StoresInDatabase => false;

    public Task SendAsync(CareDbContext db, NotificationRecipient recipient, NotificationMessage message, CancellationToken ct)
    {
        var written = text.Write(message.Kind, message.Values, recipient.Language);
        var address = kind == NotificationChannelKind.Email ? recipient.Email : recipient.PhoneNumber;
        // Names and times are patient data: the log says who and what kind, never the text itself.
        logger.LogInformation("{Channel} (logged, not sent) to user {UserId} ({HasAddress}): {Kind} in {Language}, {Length} characters",
            kind, recipient.UserId, string.IsNullOrWhiteSpace(address) ? "no address" : "address on file", message.Kind, recipient.Language.Name, written.Length);
        return Task.CompletedTask;
    }
}
