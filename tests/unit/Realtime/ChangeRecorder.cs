using System.Threading.Channels;
using CareWorkspace.Infrastructure.Realtime;

namespace CareWorkspace.UnitTests.Realtime;

/// <summary>
/// A subscriber that keeps what it receives, in order. Because the notifier dispatches changes one after
/// another, "nothing else arrived before the marker" proves that an earlier change was not delivered.
/// </summary>
internal sealed class ChangeRecorder
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    private readonly Channel<PathwayChange> _received = Channel.CreateUnbounded<PathwayChange>();

    public Task OnChange(PathwayChange change)
    {
        _received.Writer.TryWrite(change);
        return Task.CompletedTask;
    }

    public async Task<PathwayChange> NextAsync() =>
        await _received.Reader.ReadAsync(TestContext.Current.CancellationToken).AsTask()
            .WaitAsync(Timeout, TestContext.Current.CancellationToken);

    public bool HasPending => _received.Reader.TryPeek(out _);
}
