using CareWorkspace.Web.Features.Pathway;
using Microsoft.AspNetCore.SignalR;

namespace CareWorkspace.Web.Security;

/// <summary>Registers each <c>/hubs/pathway</c> connection with <see cref="HubConnections"/> while it is open.</summary>
internal sealed class HubConnectionsFilter(HubConnections connections) : IHubFilter
{
    public async Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        if (context.Hub is PathwayHub)
            connections.Add(context.Context);
        await next(context);
    }

    public async Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        if (context.Hub is PathwayHub)
            connections.Remove(context.Context);
        await next(context, exception);
    }
}
