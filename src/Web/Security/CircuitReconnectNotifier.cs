using Microsoft.AspNetCore.Components.Server.Circuits;

namespace CareWorkspace.Web.Security;

/// <summary>
/// Tells the pathway sections of this circuit that the browser is back after a dropped connection,
/// so they re-read what changed while it was away.
/// </summary>
public sealed class CircuitReconnectNotifier : CircuitHandler
{
    private volatile bool _wasDown;

    /// <summary>False from the moment the browser's connection drops until it is back.</summary>
    public bool IsConnected => !_wasDown;

    public event Func<Task>? Reconnected;

    /// <summary>The browser is gone for now (it may come back): e.g. presence stops showing this viewer.</summary>
    public event Func<Task>? Disconnected;

    public override async Task OnConnectionDownAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        _wasDown = true;
        await RaiseAsync(Disconnected);
    }

    public override async Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        if (!_wasDown)
            return;
        _wasDown = false;
        await RaiseAsync(Reconnected);
    }

    private static async Task RaiseAsync(Func<Task>? handlers)
    {
        if (handlers is null)
            return;
        foreach (var handler in handlers.GetInvocationList().Cast<Func<Task>>())
            await handler();
    }
}
