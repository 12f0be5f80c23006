using System.Globalization;
using CareWorkspace.Domain.Triage;
using CareWorkspace.Web.Localization;
using Microsoft.Extensions.Localization;

namespace CareWorkspace.Web.Features.TriageBoard;

/// <summary>The board's words for trends and elapsed time (colours: <c>TriageLabels</c>).</summary>
public static class BoardLabels
{
    private static IStringLocalizer L => StaticText.For(typeof(BoardLabels));

    public static string For(Trend trend) => trend switch
    {
        Trend.Rising => L["rising"],
        Trend.Falling => L["falling"],
        Trend.Unchanged => L["unchanged"],
        _ => "",
    };

    public static string Arrow(Trend trend) => trend switch
    {
        Trend.Rising => "↑",
        Trend.Falling => "↓",
        Trend.Unchanged => "→",
        _ => "",
    };

    /// <summary>"3 h ago", "2 days ago": how long since the last change form.</summary>
    public static string Since(DateTimeOffset at, DateTimeOffset now) => SinceStep(at, now) switch
    {
        (ElapsedUnit.JustNow, _) => L["just now"],
        (ElapsedUnit.Minutes, var minutes) => string.Format(CultureInfo.CurrentCulture, L["{0} min ago"], minutes),
        (ElapsedUnit.Hours, var hours) => string.Format(CultureInfo.CurrentCulture, L["{0} h ago"], hours),
        (_, 1) => L["1 day ago"],
        (_, var days) => string.Format(CultureInfo.CurrentCulture, L["{0} days ago"], days),
    };

    /// <summary>What <see cref="Since"/> says, as numbers: a card compares them to know whether its text moved.</summary>
    public static (ElapsedUnit Unit, int Count) SinceStep(DateTimeOffset at, DateTimeOffset now)
    {
        var elapsed = now - at;
        return elapsed < TimeSpan.FromMinutes(1) ? (ElapsedUnit.JustNow, 0)
            : elapsed < TimeSpan.FromHours(1) ? (ElapsedUnit.Minutes, (int)elapsed.TotalMinutes)
            : elapsed < TimeSpan.FromDays(1) ? (ElapsedUnit.Hours, (int)elapsed.TotalHours)
            : (ElapsedUnit.Days, (int)elapsed.TotalDays);
    }

    /// <summary>The CSS class of a colour (contrast-checked colours in app.css).</summary>
    public static string CssClass(TriageColour colour) => "triage-board-" + colour.ToString().ToLowerInvariant();
}
