using CareWorkspace.Domain.Access;
using CareWorkspace.Infrastructure.Access;
using CareWorkspace.Infrastructure.Identity;
using CareWorkspace.Infrastructure.Persistence;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;

namespace CareWorkspace.Web.Features.Pathway;

/// <summary>
/// Change notices for non-Blazor clients at /hubs/pathway. A client joins a patient's group only after the
/// server has checked its care relationship; notices carry ids and the section, never patient data.
/// </summary>
[Authorize]
public sealed class PathwayHub(IDbContextFactory<CareDbContext> dbFactory, PatientAccessGuard guard, ILogger<PathwayHub> logger) : Hub
{
    public const string Path = "/hubs/pathway";
    public const string ChangedMethod = "PathwayChanged";

    public static string GroupFor(Guid patientId) => $"patient:{patientId:N}";

    public async Task JoinPatient(Guid patientId)
    {
        var actor = Context.User?.ToActor() ?? throw new HubException("You are not signed in.");
        await using var db = await dbFactory.CreateDbContextAsync(Context.ConnectionAborted);
        try
        {
            await guard.DemandAsync(db, actor, patientId, AccessAction.Read, PatientSection.MasterData, "Live change notices (hub)", Context.ConnectionAborted);
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
        await Groups.AddToGroupAsync(Context.ConnectionId, GroupFor(patientId), Context.ConnectionAborted);
    }

    public Task LeavePatient(Guid patientId) =>
        Groups.RemoveFromGroupAsync(Context.ConnectionId, GroupFor(patientId), Context.ConnectionAborted);
}
