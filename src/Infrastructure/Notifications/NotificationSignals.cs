using CareWorkspace.Domain.Access;
using CareWorkspace.Infrastructure.Realtime;

namespace CareWorkspace.Infrastructure.Notifications;

/// <summary>
/// Tells a user's open bell that something was sent to them. A notification is no change to a patient's record, so
/// it travels as a change of no patient (the empty id, which no pathway watches), heard only under the recipient's
/// <see cref="AudienceKey.NotificationsOf"/>. Signal after commit.
/// </summary>
public static class NotificationSignals
{
    public static void Sent(this IPathwayNotifier notifier, IEnumerable<string> recipientUserIds)
    {
        var keys = recipientUserIds.Distinct().Select(AudienceKey.NotificationsOf).ToList();
        if (keys.Count > 0)
            notifier.PathwayChanged(new PathwayChange(Guid.Empty, PatientSection.MasterData) { SeenBy = keys, Audience = 0 });
    }
}
