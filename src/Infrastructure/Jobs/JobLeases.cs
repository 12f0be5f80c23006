using Microsoft.EntityFrameworkCore;

namespace CareWorkspace.Infrastructure.Jobs;

/// <summary>
/// A lock in the database (SQLite, PostgreSQL and SQL Server alike, no provider's own lock statement): a run takes the
/// job's lease by inserting its row (the primary key lets one of two concurrent inserts succeed) or by taking over an
/// expired one (a conditional update that only one run's statement matches). The holder renews it while it works and
/// gives it back at the end.
/// </summary>
public sealed class JobLeases(IDbContextFactory<Persistence.CareDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>Takes the lease for <paramref name="duration"/>; false while another run holds it.</summary>
    public async Task<bool> TryTakeAsync(string name, string holder, TimeSpan duration, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        var until = now + duration;
        var takenOver = await db.Set<JobLease>()
            .Where(l => l.Name == name && l.ExpiresAt <= now)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, holder).SetProperty(l => l.ExpiresAt, until), ct);
        if (takenOver == 1)
            return true;
        if (await db.Set<JobLease>().AnyAsync(l => l.Name == name, ct))
            return false;
        db.Add(new JobLease(name, holder, until));
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            // Another run inserted it first.
            return false;
        }
    }

    /// <summary>Keeps the lease for another <paramref name="duration"/>; false if it has been lost (expired and taken over).</summary>
    public async Task<bool> RenewAsync(string name, string holder, TimeSpan duration, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var until = clock.GetUtcNow() + duration;
        return await db.Set<JobLease>()
            .Where(l => l.Name == name && l.Holder == holder)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.ExpiresAt, until), ct) == 1;
    }

    public async Task ReleaseAsync(string name, string holder, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.Set<JobLease>().Where(l => l.Name == name && l.Holder == holder).ExecuteDeleteAsync(ct);
    }
}
