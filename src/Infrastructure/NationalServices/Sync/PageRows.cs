using System.Data.Common;
using CareWorkspace.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CareWorkspace.Infrastructure.NationalServices.Sync;

/// <summary>
/// The new rows of a page's import, saved in ONE transaction with what the context tracks (updates, removals, access
/// records). On PostgreSQL they are inserted as one multi-row INSERT per table (<see cref="TableRows"/>) after the
/// tracked changes: there a page's 1,000 single-row INSERTs, each parsed by the server, were half of an import's time.
/// Elsewhere they go through the change tracker as before (SQLite's fastest insert is a compiled single-row statement).
/// </summary>
internal sealed class PageRows(CareDbContext db)
{
    private readonly bool inserted = db.Database.IsNpgsql();
    private readonly List<Func<CancellationToken, Task>> tables = [];
    private readonly Dictionary<Type, object> rowsByType = [];

    public void Add<TEntity>(TEntity row)
        where TEntity : class
    {
        if (!inserted)
        {
            db.Add(row);
            return;
        }
        if (!rowsByType.TryGetValue(typeof(TEntity), out var list))
        {
            var rows = new List<TEntity>();
            rowsByType[typeof(TEntity)] = list = rows;
            // Tables in the order their first row came, so a row is inserted after the rows it refers to.
            tables.Add(ct => TableRows.InsertAsync(db, rows, ct));
        }
        ((List<TEntity>)list).Add(row);
    }

    /// <summary>Saves the tracked changes and the new rows together: all of them, or (when it throws) none.</summary>
    public async Task SaveAsync(CancellationToken ct)
    {
        if (tables.Count == 0)
        {
            await db.SaveChangesAsync(ct);
            return;
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        try
        {
            foreach (var insert in tables)
                await insert(ct);
        }
        catch (DbException ex)
        {
            // As SaveChanges reports it, so a row written first by a concurrent run is recognised the same way.
            throw new DbUpdateException("The page's new rows could not be inserted: " + ex.Message, ex);
        }
        await transaction.CommitAsync(ct);
    }
}
