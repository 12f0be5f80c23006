using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Organisations;
using CareWorkspace.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CareWorkspace.Web.Features.FollowUp;

/// <summary>The sector of the signed-in person's own organisation (to offer sector-specific actions); no patient data.</summary>
public sealed class ActorSectors(IDbContextFactory<CareDbContext> dbFactory)
{
    public async Task<Sector?> OfAsync(Actor actor, CancellationToken ct)
    {
        if (actor.OrganisationId is not { } organisationId)
            return null;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Organisations.AsNoTracking().Where(o => o.Id == organisationId).Select(o => (Sector?)o.Sector).SingleOrDefaultAsync(ct);
    }
}
