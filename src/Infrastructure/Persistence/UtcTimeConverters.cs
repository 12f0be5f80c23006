using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CareWorkspace.Infrastructure.Persistence;

/// <summary>
/// Times are stored as their UTC instant on every provider: national services send local offsets (+02:00 in Danish
/// summer time), PostgreSQL's timestamptz refuses any offset but zero, and SQLite's sortable ticks would otherwise
/// carry the offset and make the same instant compare unequal.
/// </summary>
public static class UtcTimeConverters
{
    public sealed class ToUtc() : ValueConverter<DateTimeOffset, DateTimeOffset>(v => v.ToUniversalTime(), v => v);

    public sealed class ToUtcTicks() : ValueConverter<DateTimeOffset, long>(
        v => Ticks.ConvertToProviderTyped(v.ToUniversalTime()),
        v => Ticks.ConvertFromProviderTyped(v));

    private static readonly DateTimeOffsetToBinaryConverter Ticks = new();
}
