using System.Collections.Concurrent;
using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace CareWorkspace.Infrastructure.Persistence;

/// <summary>
/// Inserts new rows of one entity type as multi-row INSERTs in the context's current transaction, not through the change
/// tracker: there each row costs its own statement (parsed by the server every time), its own generated SQL and a dozen
/// parameter objects, which is most of the cost of a large batch.
/// </summary>
/// <remarks>
/// Table, columns, quoting, parameter names and value conversions all come from the EF model of the current provider
/// (the same mapping SaveChanges uses), so the rows are the ones SaveChanges would write. Columns the database makes
/// (an identity id) are left to it and not read back. Only the entity's own columns are written: owned or related
/// rows are not.
/// </remarks>
internal static class TableRows
{
    // SQL Server takes at most 2,100 parameters per command and 1,000 rows per VALUES list; PostgreSQL 65,535 parameters.
    private const int MostParametersPerCommand = 2000;
    private const int MostParametersPerPostgreSqlCommand = 30000;
    private const int MostRowsPerCommand = 1000;

    public static async Task InsertAsync<TEntity>(CareDbContext db, IReadOnlyList<TEntity> rows, CancellationToken ct)
        where TEntity : class
    {
        if (rows.Count == 0)
            return;
        var transaction = db.Database.CurrentTransaction
            ?? throw new InvalidOperationException("Rows are inserted in the caller's transaction; none is open.");
        var (table, columns) = TableOf(db, typeof(TEntity));
        var sql = db.GetService<ISqlGenerationHelper>();
        var rowsPerCommand = db.Database.IsSqlite()
            // SQLite compiles every command text anew, and compiling a statement with thousands of parameters costs more
            // than the rows it inserts; its fastest insert is one compiled single-row statement run once per row.
            ? 1
            : Math.Min(MostRowsPerCommand, (db.Database.IsNpgsql() ? MostParametersPerPostgreSqlCommand : MostParametersPerCommand) / columns.Count);

        // Npgsql sends a command with positional parameters ($1, $2 …) as it is; named ones make it parse and rewrite the
        // text and keep a lookup of the names on every run, which for a page's thousands of parameters are large objects.
        var positional = db.Database.IsNpgsql();
        DbCommand? command = null;
        try
        {
            for (var start = 0; start < rows.Count; start += rowsPerCommand)
            {
                var count = Math.Min(rowsPerCommand, rows.Count - start);
                // A command keeps its compiled statement while its text stays the same: reuse it for equal-sized chunks.
                if (command?.Parameters.Count != count * columns.Count)
                {
                    if (command is not null)
                        await command.DisposeAsync();
                    command = db.Database.GetDbConnection().CreateCommand();
                    command.Transaction = transaction.GetDbTransaction();
                }
                command.Parameters.Clear();
                command.CommandText = Insert(sql, positional, table, columns, command, rows, start, count);
                await command.ExecuteNonQueryAsync(ct);
            }
        }
        finally
        {
            if (command is not null)
                await command.DisposeAsync();
        }
    }

    private static (StoreObjectIdentifier Table, List<Column> Columns) TableOf(CareDbContext db, Type type)
    {
        var entity = db.Model.FindEntityType(type) ?? throw new InvalidOperationException($"{type.Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var columns = entity.GetProperties()
            .Where(p => p.ValueGenerated == ValueGenerated.Never)
            .Select(p => p.IsShadowProperty()
                ? throw new InvalidOperationException($"{type.Name}.{p.Name} has no value outside the change tracker.")
                : new Column(p.GetGetter(), p.IsNullable, p.GetColumnName(table)!, p.GetRelationalTypeMapping()))
            .ToList();
        return (table, columns);
    }

    private static string Insert<TEntity>(ISqlGenerationHelper sql, bool positional, StoreObjectIdentifier table, List<Column> columns, DbCommand command,
        IReadOnlyList<TEntity> rows, int start, int count)
        where TEntity : class
    {
        for (var row = 0; row < count; row++)
        {
            var entity = rows[start + row];
            for (var i = 0; i < columns.Count; i++)
            {
                var column = columns[i];
                var name = positional ? "" : ParameterName(sql, row * columns.Count + i);
                command.Parameters.Add(column.Mapping.CreateParameter(command, name, column.Getter.GetClrValueUsingContainingEntity(entity), column.IsNullable));
            }
        }
        // Full commands all have the same text: it is built once per row count.
        var key = (sql, positional, table, count);
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
                text.Append(i == 0 ? "" : ", ").Append(positional ? $"${row * columns.Count + i + 1}" : sql.GenerateParameterNamePlaceholder($"p{row * columns.Count + i}"));
            text.Append(')');
        }
        var built = (positional ? text : text.Append(';')).ToString();
        if (Texts.Count < 256)
            Texts.TryAdd(key, built);
        return built;
    }

    private static readonly ConcurrentDictionary<(ISqlGenerationHelper, bool, StoreObjectIdentifier, int), string> Texts = new();
    private static readonly ConcurrentDictionary<(ISqlGenerationHelper, int), string> Names = new();

    private static string ParameterName(ISqlGenerationHelper sql, int index) =>
        Names.GetOrAdd((sql, index), key => key.Item1.GenerateParameterName($"p{key.Item2}"));

    private sealed record Column(IClrPropertyGetter Getter, bool IsNullable, string Name, RelationalTypeMapping Mapping);
}
