using Microsoft.AspNetCore.Components.Server.Circuits;

namespace CareWorkspace.Web.Security;

/// <summary>
/// Tells the pathway sections of this circuit that the browser is back after a dropped connection,
/// so they re-read what changed while it was away.
/// </summary>
public sealed class CircuitReconnectNotifier : CircuitHandler
{
    private bool _wasDown;

    public event Func<Task>? Reconnected;

    public override Task OnConnectionDownAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        _wasDown = true;
        return Task.CompletedTask;
    }

    public override async Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        if (!_wasDown)
            return;
        _wasDown = false;
        if (Reconnected is { } handlers)
        {
            foreach (var handler in handlers.GetInvocationList().Cast<Func<Task>>())
                await handler();
        }
    }
}
