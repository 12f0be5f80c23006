using CareWorkspace.Infrastructure.Realtime;

namespace CareWorkspace.UnitTests.Realtime;

/// <summary>Stands in for Redis: records what is published and lets the test deliver "remote" changes.</summary>
internal sealed class FakePathwayBus : IPathwayBus
{
    private Action<PathwayChange>? _onRemoteChange;

    public TaskCompletionSource<PathwayChange> Published { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Exception? FailPublishWith { get; init; }

    public Task PublishAsync(PathwayChange change)
    {
        Published.TrySetResult(change);
        return FailPublishWith is { } ex ? Task.FromException(ex) : Task.CompletedTask;
    }

    public void Subscribe(Action<PathwayChange> onRemoteChange) => _onRemoteChange = onRemoteChange;

    public void DeliverRemote(PathwayChange change) =>
        (_onRemoteChange ?? throw new InvalidOperationException("The notifier did not subscribe to the bus."))(change);
}
