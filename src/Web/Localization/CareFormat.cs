using System.Globalization;
using CareWorkspace.Domain.Common;
using CareWorkspace.Web.Resources;

namespace CareWorkspace.Web.Localization;

/// <summary>
/// Dates, times, weeks and numbers in the reader's language: Danish "29. nov. 2026", "14.30", "uge 48", "3,5";
/// English "29 Nov 2026", "14:30", "week 48", "3.5". Instants are shown in Danish civil time.
/// Use these instead of format strings in components.
/// </summary>
public static class CareFormat
{
    private static CultureInfo Culture => CultureInfo.CurrentCulture;

    private static bool Danish => CareCultures.IsDanish(Culture);

    /// <summary>"29. nov. 2026" / "29 Nov 2026".</summary>
    public static string Date(DateOnly date) => date.ToString(Danish ? "d. MMM yyyy" : "d MMM yyyy", Culture);

    /// <summary>The Copenhagen date of an instant.</summary>
    public static string Date(DateTimeOffset instant) => Date(CopenhagenTime.DateOf(instant));

    /// <summary>"mandag" / "Monday".</summary>
    public static string DayName(DateOnly date) => date.ToString("dddd", Culture);

    /// <summary>"man. 30. nov." / "Mon 30 Nov": a day in a calendar.</summary>
    public static string DayHeading(DateOnly date) => date.ToString(Danish ? "ddd d. MMM" : "ddd d MMM", Culture);

    /// <summary>"14.30–15.00" / "14:30–15:00", in Copenhagen time.</summary>
    public static string TimeRange(DateTimeOffset start, DateTimeOffset end) => $"{Time(start)}–{Time(end)}";

    /// <summary>"november 2026" / "November 2026".</summary>
    public static string Month(DateOnly date) => date.ToString("MMMM yyyy", Culture);

    /// <summary>"nov. 2026" / "Nov 2026".</summary>
    public static string MonthYear(DateOnly date) => date.ToString("MMM yyyy", Culture);

    /// <summary>"14.30" / "14:30".</summary>
    public static string Time(TimeOnly time) => time.ToString(Danish ? "HH.mm" : "HH:mm", Culture);

    /// <summary>The Copenhagen clock time of an instant.</summary>
    public static string Time(DateTimeOffset instant) => Time(TimeOnly.FromDateTime(CopenhagenTime.ToCopenhagen(instant).DateTime));

    /// <summary>"29. nov. 2026 kl. 14.30" / "29 Nov 2026, 14:30", in Copenhagen time.</summary>
    public static string DateTime(DateTimeOffset instant) =>
        string.Format(Culture, Text["{0} at {1}"], Date(instant), Time(instant));

    /// <summary>The ISO 8601 week number (Danish calendars use it).</summary>
    public static int WeekNumber(DateOnly date) => ISOWeek.GetWeekOfYear(date.ToDateTime(TimeOnly.MinValue));

    /// <summary>"Uge 48" / "Week 48".</summary>
    public static string Week(DateOnly date) => string.Format(Culture, Text["Week {0}"], WeekNumber(date));

    /// <summary>"3,5" / "3.5", with thousands separators.</summary>
    public static string Number(decimal value, int decimals = 0) => value.ToString("N" + decimals, Culture);

    /// <summary>"3,5" / "3.5", with thousands separators.</summary>
    public static string Number(double value, int decimals = 0) => value.ToString("N" + decimals, Culture);

    private static Microsoft.Extensions.Localization.IStringLocalizer Text => StaticText.For(typeof(SharedText));
}
