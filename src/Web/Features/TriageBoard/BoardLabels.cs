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
    public static string Since(DateTimeOffset at, DateTimeOffset now)
    {
        var elapsed = now - at;
        if (elapsed < TimeSpan.FromMinutes(1))
            return L["just now"];
        if (elapsed < TimeSpan.FromHours(1))
            return string.Format(CultureInfo.CurrentCulture, L["{0} min ago"], (int)elapsed.TotalMinutes);
        if (elapsed < TimeSpan.FromDays(1))
            return string.Format(CultureInfo.CurrentCulture, L["{0} h ago"], (int)elapsed.TotalHours);
        var days = (int)elapsed.TotalDays;
        return days == 1 ? L["1 day ago"] : string.Format(CultureInfo.CurrentCulture, L["{0} days ago"], days);
    }

    /// <summary>The CSS class of a colour (contrast-checked colours in app.css).</summary>
    public static string CssClass(TriageColour colour) => "triage-board-" + colour.ToString().ToLowerInvariant();
}
