namespace CareWorkspace.Domain.Notifications;

public enum NotificationChannelKind
{
    /// <summary>The bell in the app bar.</summary>
    InApp,
    Email,
    Sms,
}
