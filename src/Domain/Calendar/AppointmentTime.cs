using CareWorkspace.Domain.Common;

namespace CareWorkspace.Domain.Calendar;

/// <summary>
/// When an appointment takes place, as two unambiguous instants (stored in UTC). Shown and entered in Copenhagen time;
/// <see cref="InCopenhagen"/> makes one from the wall-clock time, safe across daylight saving changes.
/// </summary>
public sealed record AppointmentTime
{
    /// <summary>No appointment lasts longer than this (a discharge conference or a day at a training centre fits).</summary>
    public static readonly TimeSpan MaxDuration = TimeSpan.FromHours(12);

    public DateTimeOffset Start { get; }
    public DateTimeOffset End { get; }

    public AppointmentTime(DateTimeOffset start, DateTimeOffset end)
    {
        if (end <= start)
            throw new DomainException("The appointment must end after it starts.");
        if (end - start > MaxDuration)
            throw new DomainException("An appointment may last at most {0} hours.", (int)MaxDuration.TotalHours);
        Start = start.ToUniversalTime();
        End = end.ToUniversalTime();
    }

    /// <summary>From the Copenhagen date and clock times, e.g. 9:00–10:00 on a given day.</summary>
    public static AppointmentTime InCopenhagen(DateOnly day, TimeOnly start, TimeOnly end) =>
        new(CopenhagenTime.At(day, start), CopenhagenTime.At(day, end));

    public TimeSpan Duration => End - Start;

    public bool Overlaps(DateTimeOffset start, DateTimeOffset end) => Start < end && start < End;
}
