namespace CareWorkspace.Web.Features.Calendar;

/// <summary>The Copenhagen days a calendar layout shows around a chosen day, and where "previous" and "next" go.</summary>
public static class CalendarPeriod
{
    public const int AgendaDays = 28;

    public static (DateOnly From, DateOnly To) Around(CalendarLayout layout, DateOnly day) => layout switch
    {
        CalendarLayout.Day => (day, day),
        CalendarLayout.Week => (Monday(day), Monday(day).AddDays(6)),
        CalendarLayout.Month => (Monday(new DateOnly(day.Year, day.Month, 1)), Monday(new DateOnly(day.Year, day.Month, 1)).AddDays(41)),
        _ => (day, day.AddDays(AgendaDays - 1)),
    };

    public static DateOnly Step(CalendarLayout layout, DateOnly day, int direction) => layout switch
    {
        CalendarLayout.Day => day.AddDays(direction),
        CalendarLayout.Week => day.AddDays(7 * direction),
        CalendarLayout.Month => day.AddMonths(direction),
        _ => day.AddDays(AgendaDays * direction),
    };

    public static DateOnly Monday(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
}
