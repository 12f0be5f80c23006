using CareWorkspace.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CareWorkspace.Web.Features.Live;

/// <summary>The display name of the user who made a live change, for announcing it ("Lise Dahl changed the care team").</summary>
public sealed class ChangeAuthors(IDbContextFactory<CareDbContext> dbFactory)
{
    /// <summary>The user's display name, or null for an unknown (e.g. deleted) user.</summary>
    public async Task<string?> NameOfAsync(string userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.DisplayName).SingleOrDefaultAsync(ct);
    }
}
