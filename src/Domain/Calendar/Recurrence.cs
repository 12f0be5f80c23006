using CareWorkspace.Domain.Common;

namespace CareWorkspace.Domain.Calendar;

/// <summary>
/// "Every <see cref="IntervalWeeks"/> weeks on these weekdays", ending after <see cref="Count"/> occurrences or on
/// <see cref="Until"/>: never endless, and never more than <see cref="MaxOccurrences"/>. Weeks are counted from the
/// Monday of the first day; occurrences fall on the chosen weekdays from the first day on.
/// </summary>
public sealed record Recurrence
{
    public const int MaxOccurrences = 500;
    public const int MaxIntervalWeeks = 52;

    public int IntervalWeeks { get; }
    public IReadOnlyList<DayOfWeek> Days { get; }
    public int? Count { get; }
    public DateOnly? Until { get; }

    public Recurrence(int intervalWeeks, IEnumerable<DayOfWeek> days, int? count = null, DateOnly? until = null)
    {
        if (intervalWeeks is < 1 or > MaxIntervalWeeks)
            throw new DomainException("A series repeats every 1 to {0} weeks.", MaxIntervalWeeks);
        Days = days.Distinct().OrderBy(d => MondayFirst(d)).ToList();
        if (Days.Count == 0)
            throw new DomainException("Choose at least one weekday for the series.");
        if (count is null && until is null)
            throw new DomainException("A series must end: give the number of appointments or the last date.");
        if (count is not null && until is not null)
            throw new DomainException("A series ends either after a number of appointments or on a date, not both.");
        if (count is < 1 or > MaxOccurrences)
            throw new DomainException("A series has from 1 to {0} appointments.", MaxOccurrences);
        IntervalWeeks = intervalWeeks;
        Count = count;
        Until = until;
    }

    /// <summary>The dates of the series that starts on <paramref name="firstDay"/>; refused if there are none or more than <see cref="MaxOccurrences"/>.</summary>
    public IReadOnlyList<DateOnly> Dates(DateOnly firstDay)
    {
        if (Until is { } until && until < firstDay)
            throw new DomainException("The series cannot end before its first day.");
        var dates = new List<DateOnly>();
        var monday = firstDay.AddDays(-MondayFirst(firstDay.DayOfWeek));
        for (var week = monday; ; week = week.AddDays(7 * IntervalWeeks))
        {
            foreach (var day in Days.Select(d => week.AddDays(MondayFirst(d))).Where(d => d >= firstDay))
            {
                if (Until is { } last && day > last)
                    return Finish(dates);
                dates.Add(day);
                if (dates.Count == Count)
                    return dates;
                if (dates.Count > MaxOccurrences)
                    throw TooMany();
            }
        }
    }

    /// <summary>
    /// Every occurrence at the same Copenhagen clock time: a series at 09:00 stays at 09:00 when summer time begins or ends,
    /// so the UTC instants move by an hour across the change.
    /// </summary>
    public IReadOnlyList<AppointmentTime> Occurrences(DateOnly firstDay, TimeOnly start, TimeSpan duration) =>
        Dates(firstDay).Select(d =>
        {
            var begins = CopenhagenTime.At(d, start);
            return new AppointmentTime(begins, begins + duration);
        }).ToList();

    private static List<DateOnly> Finish(List<DateOnly> dates) =>
        dates.Count > 0 ? dates : throw new DomainException("The series has no appointments: none of its weekdays falls between the first and the last date.");

    private static DomainException TooMany() =>
        new("A series may have at most {0} appointments; end it sooner or repeat it less often.", MaxOccurrences);

    private static int MondayFirst(DayOfWeek day) => ((int)day + 6) % 7;
}
