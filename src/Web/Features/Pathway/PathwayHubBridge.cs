using CareWorkspace.Infrastructure.Realtime;
using Microsoft.AspNetCore.SignalR;

namespace CareWorkspace.Web.Features.Pathway;

/// <summary>
/// Forwards this instance's own changes to the hub groups. Changes from other instances are not forwarded:
/// their hub reaches its clients, and the SignalR Redis backplane carries them to ours.
/// </summary>
public sealed class PathwayHubBridge(IPathwayNotifier notifier, IHubContext<PathwayHub> hub) : IHostedService
{
    private IDisposable? _subscription;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _subscription = notifier.SubscribeAll(null, change => change.Origin == notifier.InstanceId
            ? hub.Clients.Group(PathwayHub.GroupFor(change.PatientId))
                .SendAsync(PathwayHub.ChangedMethod, new PathwayChangeNotice(change.PatientId, change.Section, change.ItemId))
            : Task.CompletedTask);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _subscription?.Dispose();
        return Task.CompletedTask;
    }
}
