using System.Collections.Concurrent;
using CareWorkspace.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CareWorkspace.Web.Features.Live;

/// <summary>The display name of the user who made a live change, for announcing it ("Lise Dahl changed the care team").</summary>
/// <remarks>
/// Every viewer of a patient announces the same change: the name is read once and shared by all of them (and by the
/// next changes of the same author) for <see cref="KeptFor"/>. A display name is not patient data; a renamed user is
/// announced under the new name at most that much later.
/// </remarks>
public sealed class ChangeAuthors(IDbContextFactory<CareDbContext> dbFactory, TimeProvider clock)
{
    public static readonly TimeSpan KeptFor = TimeSpan.FromSeconds(60);

    /// <summary>Beyond this many kept names, the old ones are dropped.</summary>
    private const int MostKept = 1000;

    private readonly ConcurrentDictionary<string, Lookup> names = new(StringComparer.Ordinal);
    private long reads;

    /// <summary>How many names have been read from the database, for tests and diagnostics.</summary>
    public long Reads => Interlocked.Read(ref reads);

    /// <summary>The user's display name, or null for an unknown (e.g. deleted) user.</summary>
    public Task<string?> NameOfAsync(string userId, CancellationToken ct = default)
    {
        ct.ThrowIfCancellationRequested();
        var now = clock.GetUtcNow();
        var lookup = names.AddOrUpdate(userId,
            id => Start(id, now),
            (id, kept) => kept.CanServe(now) ? kept : Start(id, now));
        if (names.Count > MostKept)
            Sweep(now);
        // Only this caller's wait is cancelled: the read is shared.
        return lookup.Name.WaitAsync(ct);
    }

    private Lookup Start(string userId, DateTimeOffset now)
    {
        Interlocked.Increment(ref reads);
        return new Lookup(Task.Run(() => ReadAsync(userId)), now);
    }

    private async Task<string?> ReadAsync(string userId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.DisplayName).SingleOrDefaultAsync();
    }

    private void Sweep(DateTimeOffset now)
    {
        foreach (var (id, kept) in names)
        {
            if (!kept.CanServe(now))
                names.TryRemove(new KeyValuePair<string, Lookup>(id, kept));
        }
    }

    private sealed record Lookup(Task<string?> Name, DateTimeOffset ReadAt)
    {
        // A failed read is not kept: the next caller reads again.
        public bool CanServe(DateTimeOffset now) => !Name.IsFaulted && !Name.IsCanceled && now - ReadAt <= KeptFor;
    }
}
