using System.Globalization;
using CareWorkspace.Domain.Notifications;

namespace CareWorkspace.Infrastructure.Notifications;

/// <summary>Words a notification in one language (implemented where the app's texts live, src/Web).</summary>
public interface INotificationText
{
    string Write(NotificationKind kind, IReadOnlyDictionary<string, string> values, CultureInfo language);
}
