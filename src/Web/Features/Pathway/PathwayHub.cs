using CareWorkspace.Domain.Access;
using CareWorkspace.Infrastructure.Access;
using CareWorkspace.Infrastructure.Identity;
using CareWorkspace.Infrastructure.Persistence;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;

namespace CareWorkspace.Web.Features.Pathway;

/// <summary>
/// Change notices for non-Blazor clients at /hubs/pathway. A client joins a patient only after the server has
/// checked its care relationship; <see cref="PathwayHubBridge"/> then sends it notices for the sections and items it
/// may read, ids only, never patient data, and removes it when its access ends.
/// </summary>
[Authorize]
public sealed class PathwayHub(IDbContextFactory<CareDbContext> dbFactory, PatientAccessGuard guard, PathwayHubViewers viewers, ILogger<PathwayHub> logger) : Hub
{
    public const string Path = "/hubs/pathway";
    public const string ChangedMethod = "PathwayChanged";

    public async Task JoinPatient(Guid patientId)
    {
        var actor = Context.User?.ToActor() ?? throw new HubException("You are not signed in.");
        await using var db = await dbFactory.CreateDbContextAsync(Context.ConnectionAborted);
        try
        {
            await guard.DemandEntryAsync(db, actor, patientId, "Live change notices (hub)", Context.ConnectionAborted);
            await db.SaveChangesAsync(Context.ConnectionAborted);
        }
        catch (PatientAccessDeniedException ex)
        {
            logger.LogWarning("Hub join refused for user {UserId} on patient {PatientId}", actor.UserId, patientId);
            throw new HubException($"Access denied: {ex.Message}");
        }
        catch (PatientNotFoundException)
        {
            throw new HubException("No such patient.");
        }
        viewers.Join(patientId, Context.ConnectionId, actor);
    }

    public void LeavePatient(Guid patientId) => viewers.Leave(patientId, Context.ConnectionId);

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        viewers.LeaveAll(Context.ConnectionId);
        return base.OnDisconnectedAsync(exception);
    }
}
