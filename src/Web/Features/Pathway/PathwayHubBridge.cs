using CareWorkspace.Domain.Access;
using CareWorkspace.Infrastructure.Access;
using CareWorkspace.Infrastructure.Persistence;
using CareWorkspace.Infrastructure.Realtime;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;

namespace CareWorkspace.Web.Features.Pathway;

/// <summary>
/// Forwards every change (this instance's and other instances') to the hub connections on this instance that joined
/// the patient, each decided by the access policy for its receiver: the section must be readable and the item meant
/// for them (an unshared thread never reaches the patient or a relative, a blocked item never its blocked audience). The relationship is read once per change,
/// not once per receiver. A receiver who lost access (consent withdrawn or expired, membership ended) is told and
/// removed, so nothing more reaches it.
/// </summary>
public sealed class PathwayHubBridge(
    IPathwayNotifier notifier,
    IHubContext<PathwayHub> hub,
    PathwayHubViewers viewers,
    IDbContextFactory<CareDbContext> dbFactory,
    PatientAccessGuard guard,
    ILogger<PathwayHubBridge> logger) : IHostedService
{
    public const string AccessEndedMethod = "PathwayAccessEnded";

    private IDisposable? _subscription;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _subscription = notifier.SubscribeAll(null, ForwardAsync);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _subscription?.Dispose();
        return Task.CompletedTask;
    }

    private async Task ForwardAsync(PathwayChange change)
    {
        var receivers = viewers.Of(change.PatientId);
        if (receivers.Count == 0)
            return;
        PatientRelationship? relationship;
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync();
            relationship = await guard.LoadRelationshipAsync(db, change.PatientId);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Without the facts nobody is told anything: a missed notice is caught up on the next change or reconnect.
            logger.LogWarning(ex, "Could not decide hub notices for patient {PatientId}", change.PatientId);
            return;
        }

        var notice = new PathwayChangeNotice(change.PatientId, change.Section, change.ItemId);
        foreach (var (connectionId, actor) in receivers)
        {
            var access = relationship is null
                ? AccessDecision.Deny("The patient no longer exists.")
                : PatientAccessPolicy.DecideAnyRead(actor, relationship);
            if (!access.Allowed)
            {
                viewers.Leave(change.PatientId, connectionId);
                logger.LogInformation("Hub connection of user {UserId} left patient {PatientId}: {Reason}", actor.UserId, change.PatientId, access.Reason);
                await hub.Clients.Client(connectionId).SendAsync(AccessEndedMethod, new PathwayAccessEndedNotice(change.PatientId, access.Reason));
                continue;
            }
            if (!change.Audience.Includes(actor) || !PatientAccessPolicy.Decide(actor, relationship!, AccessAction.Read, change.Section).Allowed)
                continue;
            // A notice about an item the patient blocked from this receiver would tell them it exists.
            if (change.ItemId is { } item && PatientAccessPolicy.HidesItem(actor, relationship!, item))
                continue;
            // Nor a notice of an entry about such items (a cancellation on the timeline names the entry, not the appointment).
            if (change.AboutItemKind is { } kind && change.AboutItemIds is { } about && PatientAccessPolicy.HidesEntryAbout(actor, relationship!, kind, about))
                continue;
            await hub.Clients.Client(connectionId).SendAsync(PathwayHub.ChangedMethod, notice);
        }
    }
}
