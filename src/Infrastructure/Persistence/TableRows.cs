using System.Collections.Concurrent;
using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace CareWorkspace.Infrastructure.Persistence;

/// <summary>
/// Inserts new rows of one entity type in the context's current transaction, not through the change tracker: there each
/// row costs its own statement (parsed by the server every time), its own generated SQL and a dozen parameter objects,
/// which is most of the cost of a large batch. PostgreSQL takes them by binary COPY (<see cref="PostgreSqlCopy"/>), SQL
/// Server as multi-row INSERTs, SQLite as one compiled single-row INSERT run once per row.
/// </summary>
/// <remarks>
/// Table, columns, quoting, parameter names and value conversions all come from the EF model of the current provider
/// (the same mapping SaveChanges uses), so the rows are the ones SaveChanges would write. Columns the database makes
/// (an identity id) are left to it and not read back. Only the entity's own columns are written: owned or related
/// rows are not.
/// </remarks>
internal static class TableRows
{
    // SQL Server takes at most 2,100 parameters per command and 1,000 rows per VALUES list.
    private const int MostParametersPerCommand = 2000;
    private const int MostRowsPerCommand = 1000;

    public static async Task InsertAsync<TEntity>(CareDbContext db, IReadOnlyList<TEntity> rows, CancellationToken ct)
        where TEntity : class
    {
        if (rows.Count == 0)
            return;
        var transaction = db.Database.CurrentTransaction
            ?? throw new InvalidOperationException("Rows are inserted in the caller's transaction; none is open.");
        var sql = db.GetService<ISqlGenerationHelper>();
        var (table, columns) = TableOf(db, sql, typeof(TEntity));
        if (db.Database.GetDbConnection() is NpgsqlConnection postgreSql)
        {
            await PostgreSqlCopy.WriteAsync(postgreSql, sql.DelimitIdentifier(table.Name, table.Schema), columns, rows, ct);
            return;
        }
        var rowsPerCommand = db.Database.IsSqlite()
            // SQLite compiles every command text anew, and compiling a statement with thousands of parameters costs more
            // than the rows it inserts; its fastest insert is one compiled single-row statement run once per row.
            ? 1
            : Math.Min(MostRowsPerCommand, MostParametersPerCommand / columns.Count);

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
                command.CommandText = Insert(sql, table, columns, command, rows, start, count);
                await command.ExecuteNonQueryAsync(ct);
            }
        }
        finally
        {
            if (command is not null)
                await command.DisposeAsync();
        }
    }

    private static (StoreObjectIdentifier Table, List<Column> Columns) TableOf(CareDbContext db, ISqlGenerationHelper sql, Type type)
    {
        var entity = db.Model.FindEntityType(type) ?? throw new InvalidOperationException($"{type.Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var columns = entity.GetProperties()
            .Where(p => p.ValueGenerated == ValueGenerated.Never)
            .Select(p => p.IsShadowProperty()
                ? throw new InvalidOperationException($"{type.Name}.{p.Name} has no value outside the change tracker.")
                : new Column(p.GetGetter(), p.IsNullable, sql.DelimitIdentifier(p.GetColumnName(table)!), p.GetRelationalTypeMapping()))
            .ToList();
        return (table, columns);
    }

    private static string Insert<TEntity>(ISqlGenerationHelper sql, StoreObjectIdentifier table, List<Column> columns, DbCommand command,
        IReadOnlyList<TEntity> rows, int start, int count)
        where TEntity : class
    {
        for (var row = 0; row < count; row++)
        {
            var entity = rows[start + row];
            for (var i = 0; i < columns.Count; i++)
            {
                var column = columns[i];
                command.Parameters.Add(column.Mapping.CreateParameter(command, ParameterName(sql, row * columns.Count + i),
                    column.Getter.GetClrValueUsingContainingEntity(entity), column.IsNullable));
            }
        }
        // Full commands all have the same text: it is built once per row count.
        var key = (sql, table, count);
        if (Texts.TryGetValue(key, out var cached))
            return cached;
        var text = new StringBuilder("INSERT INTO ")
            .Append(sql.DelimitIdentifier(table.Name, table.Schema))
            .Append(" (")
            .AppendJoin(", ", columns.Select(c => c.DelimitedName))
            .Append(") VALUES ");
        for (var row = 0; row < count; row++)
        {
            text.Append(row == 0 ? "(" : ", (");
            for (var i = 0; i < columns.Count; i++)
                text.Append(i == 0 ? "" : ", ").Append(sql.GenerateParameterNamePlaceholder($"p{row * columns.Count + i}"));
            text.Append(')');
        }
        var built = text.Append(';').ToString();
        if (Texts.Count < 256)
            Texts.TryAdd(key, built);
        return built;
    }

    private static readonly ConcurrentDictionary<(ISqlGenerationHelper, StoreObjectIdentifier, int), string> Texts = new();
    private static readonly ConcurrentDictionary<(ISqlGenerationHelper, int), string> Names = new();

    private static string ParameterName(ISqlGenerationHelper sql, int index) =>
        Names.GetOrAdd((sql, index), key => key.Item1.GenerateParameterName($"p{key.Item2}"));

    internal sealed record Column(IClrPropertyGetter Getter, bool IsNullable, string DelimitedName, RelationalTypeMapping Mapping)
    {
        public string StoreType => Mapping.StoreType;

        /// <summary>The row's value as the database stores it (after the model's value conversion).</summary>
        public object? ValueOf(object entity)
        {
            var value = Getter.GetClrValueUsingContainingEntity(entity);
            return value is null || Mapping.Converter is not { } converter ? value : converter.ConvertToProvider(value);
        }
    }
}
