namespace CareWorkspace.Domain.Common;

/// <summary>
/// Danish civil time. "Today" and the end of a dated period are Copenhagen days, whatever the server's time zone:
/// a consent that ends on 1 December ends at midnight in Denmark, not at midnight UTC.
/// </summary>
public static class CopenhagenTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Copenhagen");

    public static DateTimeOffset ToCopenhagen(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    public static DateOnly Today(TimeProvider clock) => DateOf(clock.GetUtcNow());

    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(ToCopenhagen(instant).DateTime);

    /// <summary>The instant a Copenhagen day begins (daylight-saving safe).</summary>
    public static DateTimeOffset StartOf(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        // Midnight always exists in Copenhagen (the clocks change at 02:00 and 03:00).
        return new DateTimeOffset(local, Zone.GetUtcOffset(local));
    }

    /// <summary>The Copenhagen wall-clock time of an instant.</summary>
    public static TimeOnly TimeOf(DateTimeOffset instant) => TimeOnly.FromDateTime(ToCopenhagen(instant).DateTime);

    /// <summary>
    /// The instant the Copenhagen clocks show <paramref name="time"/> on <paramref name="day"/>. A time the clocks skip
    /// (02:00–02:59 on the last Sunday of March) is moved an hour on; a time they show twice (02:00–02:59 on the last
    /// Sunday of October) is the first of the two.
    /// </summary>
    public static DateTimeOffset At(DateOnly day, TimeOnly time)
    {
        var local = day.ToDateTime(time, DateTimeKind.Unspecified);
        if (Zone.IsInvalidTime(local))
            local = local.AddHours(1);
        var offset = Zone.IsAmbiguousTime(local) ? Zone.GetAmbiguousTimeOffsets(local).Max() : Zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }

    /// <summary>The first instant after a day ends, i.e. the start of the next day.</summary>
    public static DateTimeOffset EndOf(DateOnly day) => StartOf(day.AddDays(1));
}
