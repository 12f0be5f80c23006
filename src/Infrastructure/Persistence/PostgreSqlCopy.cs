using Npgsql;
using NpgsqlTypes;

namespace CareWorkspace.Infrastructure.Persistence;

/// <summary>
/// Writes new rows to a PostgreSQL table with binary <c>COPY … FROM STDIN</c> in the connection's open transaction: the
/// values go to the server as they are, with no SQL text, no parameter objects and no parse per row or per command.
/// </summary>
/// <remarks>
/// COPY is one statement: a row it refuses (a unique key taken, a value too long) fails all of it, as one INSERT would,
/// and the error comes when the copy completes. Binary COPY does not convert between types on the server, so each value
/// is written as its column's own type, named by the EF model's store type.
/// </remarks>
internal static class PostgreSqlCopy
{
    public static async Task WriteAsync<TEntity>(NpgsqlConnection connection, string table, IReadOnlyList<TableRows.Column> columns,
        IReadOnlyList<TEntity> rows, CancellationToken ct)
        where TEntity : class
    {
        var types = columns.Select(c => TypeOf(c.StoreType)).ToArray();
        var command = $"COPY {table} ({string.Join(", ", columns.Select(c => c.DelimitedName))}) FROM STDIN (FORMAT BINARY)";
        await using var importer = await connection.BeginBinaryImportAsync(command, ct);
        foreach (var row in rows)
        {
            await importer.StartRowAsync(ct);
            for (var i = 0; i < columns.Count; i++)
            {
                var value = columns[i].ValueOf(row);
                if (value is null)
                    await importer.WriteNullAsync(ct);
                else
                    await importer.WriteAsync(value, types[i], ct);
            }
        }
        await importer.CompleteAsync(ct);
    }

    // The column types the model uses; another would be written wrongly by guessing, so it is refused by name.
    private static NpgsqlDbType TypeOf(string storeType)
    {
        var facets = storeType.IndexOf('(', StringComparison.Ordinal);
        return (facets < 0 ? storeType : storeType[..facets]).Trim() switch
        {
            "uuid" => NpgsqlDbType.Uuid,
            "text" => NpgsqlDbType.Text,
            "character varying" => NpgsqlDbType.Varchar,
            "character" => NpgsqlDbType.Char,
            "boolean" => NpgsqlDbType.Boolean,
            "smallint" => NpgsqlDbType.Smallint,
            "integer" => NpgsqlDbType.Integer,
            "bigint" => NpgsqlDbType.Bigint,
            "numeric" => NpgsqlDbType.Numeric,
            "double precision" => NpgsqlDbType.Double,
            "real" => NpgsqlDbType.Real,
            "date" => NpgsqlDbType.Date,
            "time without time zone" => NpgsqlDbType.Time,
            "timestamp with time zone" => NpgsqlDbType.TimestampTz,
            "timestamp without time zone" => NpgsqlDbType.Timestamp,
            "bytea" => NpgsqlDbType.Bytea,
            "jsonb" => NpgsqlDbType.Jsonb,
            _ => throw new InvalidOperationException($"Rows of a '{storeType}' column are not copied; add its type here."),
        };
    }
}
