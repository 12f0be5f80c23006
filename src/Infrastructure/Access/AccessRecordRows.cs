using System.Collections.Concurrent;
using System.Data.Common;
using System.Text;
using CareWorkspace.Domain.Audit;
using CareWorkspace.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace CareWorkspace.Infrastructure.Access;

/// <summary>
/// Inserts a batch of access records as multi-row INSERTs in one transaction. A live change to a patient with many
/// viewers adds hundreds of records at once; through the change tracker each row costs its own statement, its own
/// generated SQL and a dozen parameter objects, which made the records the largest single cost of the fan-out.
/// </summary>
/// <remarks>
/// Table, columns, quoting, parameter names and value conversions all come from the EF model of the current provider
/// (the same mapping SaveChanges uses), so the rows are the ones SaveChanges would write. The records' ids are made by
/// the database and not read back: nothing reads them from the batch.
/// </remarks>
internal static class AccessRecordRows
{
    // SQL Server takes at most 2,100 parameters per command and 1,000 rows per VALUES list.
    private const int MostParametersPerCommand = 2000;
    private const int MostRowsPerCommand = 1000;

    public static async Task InsertAsync(CareDbContext db, IReadOnlyList<AccessRecord> records, CancellationToken ct)
    {
        if (records.Count == 0)
            return;
        var entity = db.Model.FindEntityType(typeof(AccessRecord))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var columns = entity.GetProperties()
            .Where(p => p.ValueGenerated == ValueGenerated.Never && p.PropertyInfo is not null)
            .Select(p => new Column(p, p.GetColumnName(table)!, p.GetRelationalTypeMapping()))
            .ToList();
        var sql = db.GetService<ISqlGenerationHelper>();
        // SQLite compiles every command text anew, and compiling a statement with thousands of parameters costs more
        // than the rows it inserts; its fastest insert is one compiled single-row statement run once per row.
        var rowsPerCommand = db.Database.IsSqlite() ? 1 : Math.Min(MostRowsPerCommand, MostParametersPerCommand / columns.Count);

        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            DbCommand? command = null;
            try
            {
                for (var start = 0; start < records.Count; start += rowsPerCommand)
                {
                    var count = Math.Min(rowsPerCommand, records.Count - start);
                    // A command keeps its compiled statement while its text stays the same: reuse it for equal-sized chunks.
                    if (command?.Parameters.Count != count * columns.Count)
                    {
                        if (command is not null)
                            await command.DisposeAsync();
                        command = db.Database.GetDbConnection().CreateCommand();
                        command.Transaction = transaction.GetDbTransaction();
                    }
                    command.Parameters.Clear();
                    command.CommandText = Insert(sql, table, columns, command, records, start, count);
                    await command.ExecuteNonQueryAsync(ct);
                }
            }
            finally
            {
                if (command is not null)
                    await command.DisposeAsync();
            }
            await transaction.CommitAsync(ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static string Insert(ISqlGenerationHelper sql, StoreObjectIdentifier table, List<Column> columns, DbCommand command,
        IReadOnlyList<AccessRecord> records, int start, int count)
    {
        for (var row = 0; row < count; row++)
        {
            var record = records[start + row];
            for (var i = 0; i < columns.Count; i++)
            {
                var column = columns[i];
                var name = ParameterName(sql, row * columns.Count + i);
                command.Parameters.Add(column.Mapping.CreateParameter(command, name, column.Property.PropertyInfo!.GetValue(record), column.Property.IsNullable));
            }
        }
        // Full commands all have the same text: it is built once per row count.
        var key = (sql, table, count);
        if (Texts.TryGetValue(key, out var cached))
            return cached;
        var text = new StringBuilder("INSERT INTO ")
            .Append(sql.DelimitIdentifier(table.Name, table.Schema))
            .Append(" (")
            .AppendJoin(", ", columns.Select(c => sql.DelimitIdentifier(c.Name)))
            .Append(") VALUES ");
        for (var row = 0; row < count; row++)
        {
            text.Append(row == 0 ? "(" : ", (");
            for (var i = 0; i < columns.Count; i++)
                text.Append(i == 0 ? "" : ", ").Append(sql.GenerateParameterNamePlaceholder($"p{row * columns.Count + i}"));
            text.Append(')');
        }
        var built = text.Append(';').ToString();
        if (Texts.Count < 64)
            Texts.TryAdd(key, built);
        return built;
    }

    private static readonly ConcurrentDictionary<(ISqlGenerationHelper, StoreObjectIdentifier, int), string> Texts = new();
    private static readonly ConcurrentDictionary<(ISqlGenerationHelper, int), string> Names = new();

    private static string ParameterName(ISqlGenerationHelper sql, int index) =>
        Names.GetOrAdd((sql, index), key => key.Item1.GenerateParameterName($"p{key.Item2}"));

    private sealed record Column(IProperty Property, string Name, RelationalTypeMapping Mapping);
}
