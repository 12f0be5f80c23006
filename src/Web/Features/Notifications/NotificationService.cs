using CareWorkspace.Domain.Access;
using CareWorkspace.Infrastructure.Notifications;
using CareWorkspace.Infrastructure.Persistence;
using CareWorkspace.Infrastructure.Realtime;
using Microsoft.EntityFrameworkCore;

namespace CareWorkspace.Web.Features.Notifications;

/// <summary>One line under the bell, already in the reader's language.</summary>
public sealed record NotificationItem(Guid Id, string Text, string? Link, DateTimeOffset CreatedAt, bool IsRead);

public sealed record NotificationList(int Unread, IReadOnlyList<NotificationItem> Latest);

/// <summary>
/// A user's own notifications. They were written for that user by a job that had read the record under its own access
/// check, so reading them is no new access to a patient's record: each user only ever sees their own.
/// </summary>
public sealed class NotificationService(IDbContextFactory<CareDbContext> dbFactory, IPathwayNotifier notifier, TimeProvider clock)
{
    public const int Shown = 20;

    public async Task<NotificationList> GetAsync(Actor actor, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var mine = db.Notifications.AsNoTracking().Where(n => n.RecipientUserId == actor.UserId);
        var unread = await mine.CountAsync(n => n.ReadAt == null, ct);
        var latest = await mine.OrderBy(n => n.ReadAt != null).ThenByDescending(n => n.CreatedAt).Take(Shown).ToListAsync(ct);
        return new NotificationList(unread,
            [.. latest.Select(n => new NotificationItem(n.Id, NotificationText.Write(n.Kind, n.Values), n.Link, n.CreatedAt, n.IsRead))]);
    }

    public async Task MarkReadAsync(Actor actor, Guid notificationId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var notification = await db.Notifications.SingleOrDefaultAsync(n => n.Id == notificationId && n.RecipientUserId == actor.UserId, ct);
        if (notification is null || notification.IsRead)
            return;
        notification.MarkRead(clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        notifier.Sent([actor.UserId]);
    }

    public async Task MarkAllReadAsync(Actor actor, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var unread = await db.Notifications.Where(n => n.RecipientUserId == actor.UserId && n.ReadAt == null).ToListAsync(ct);
        if (unread.Count == 0)
            return;
        var now = clock.GetUtcNow();
        foreach (var notification in unread)
            notification.MarkRead(now);
        await db.SaveChangesAsync(ct);
        // The user's bell in their other tabs follows.
        notifier.Sent([actor.UserId]);
    }
}
