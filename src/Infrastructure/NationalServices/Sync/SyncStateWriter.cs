using CareWorkspace.Domain.NationalSync;
using CareWorkspace.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CareWorkspace.Infrastructure.NationalServices.Sync;

/// <summary>Writes a service's sync state (created on first use), reading it again when another run wrote it meanwhile.</summary>
internal static class SyncStateWriter
{
    /// <returns>Whether the change started or ended a failing spell (<see cref="SyncState.IsFailing"/> flipped).</returns>
    public static async Task<bool> UpdateAsync(IDbContextFactory<CareDbContext> dbFactory, NationalService service, Action<SyncState> change, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var state = await db.SyncStates.SingleOrDefaultAsync(s => s.Service == service, ct);
            if (state is null)
            {
                state = new SyncState(service);
                db.SyncStates.Add(state);
            }
            var wasFailing = state.IsFailing;
            change(state);
            try
            {
                await db.SaveChangesAsync(ct);
                return wasFailing != state.IsFailing;
            }
            catch (DbUpdateException) when (attempt < 5)
            {
                // Another run wrote the state (or created it) meanwhile: read it again.
            }
        }
    }
}
