using CareWorkspace.Domain.Notifications;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace CareWorkspace.Infrastructure.Notifications;

/// <summary>Which sender e-mail and SMS use: <c>None</c> or <c>Log</c> (logs only; Development only).</summary>
public enum SenderKind
{
    None,
    Log,
}

/// <summary>
/// <c>Notifications:Email:Sender</c> and <c>Notifications:Sms:Sender</c>. In Development both default to <c>Log</c>;
/// elsewhere to <c>None</c>, and <c>Log</c> is refused at start-up, since a production app that only pretends to send
/// reminders must not start. The bell (in-app) is always on.
/// </summary>
public sealed record NotificationSettings(SenderKind Email, SenderKind Sms)
{
    public static NotificationSettings From(IConfiguration configuration, IHostEnvironment environment)
    {
        var fallback = environment.IsDevelopment() ? SenderKind.Log : SenderKind.None;
        var settings = new NotificationSettings(Read(configuration, "Email", fallback), Read(configuration, "Sms", fallback));
        foreach (var (channel, sender) in new[] { (NotificationChannelKind.Email, settings.Email), (NotificationChannelKind.Sms, settings.Sms) })
        {
            if (sender == SenderKind.Log && !environment.IsDevelopment())
                throw new InvalidOperationException(
                    $"Notifications:{channel}:Sender is Log, which only writes to the log and sends nothing; it is for Development. " +
                    $"In {environment.EnvironmentName} set Notifications:{channel}:Sender to None (no {channel} reminders) until a real sender is configured.");
        }
        return settings;
    }

    private static SenderKind Read(IConfiguration configuration, string channel, SenderKind fallback)
    {
        var text = configuration[$"Notifications:{channel}:Sender"];
        if (string.IsNullOrWhiteSpace(text))
            return fallback;
        return Enum.TryParse<SenderKind>(text, ignoreCase: true, out var kind)
            ? kind
            : throw new InvalidOperationException($"Notifications:{channel}:Sender is '{text}'. Use one of: {string.Join(", ", Enum.GetNames<SenderKind>())}.");
    }
}
