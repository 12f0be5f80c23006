using CareWorkspace.Domain.Audit;
using CareWorkspace.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CareWorkspace.Infrastructure.Access;

/// <summary>
/// Inserts a batch of access records as multi-row INSERTs in one transaction. A live change to a patient with many
/// viewers adds hundreds of records at once; through the change tracker each row costs its own statement, its own
/// generated SQL and a dozen parameter objects, which made the records the largest single cost of the fan-out.
/// </summary>
/// <remarks>The records' ids are made by the database and not read back: nothing reads them from the batch.</remarks>
internal static class AccessRecordRows
{
    public static async Task InsertAsync(CareDbContext db, IReadOnlyList<AccessRecord> records, CancellationToken ct)
    {
        if (records.Count == 0)
            return;
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await TableRows.InsertAsync(db, records, ct);
            await transaction.CommitAsync(ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
