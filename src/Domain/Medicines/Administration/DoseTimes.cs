using System.Globalization;
using System.Text.RegularExpressions;

namespace CareWorkspace.Domain.Medicines.Administration;

/// <summary>
/// The clock times of the day a dose is to be given, read from the medication's dose and schedule text (English or
/// Danish): explicit times ("08:00 and 20:00", "kl. 8 og 20"), parts of the day ("morning and evening", "morgen og aften")
/// or a count ("2 times daily", "3 gange dagligt"). An as-needed medication has no scheduled times, and nor has a text
/// that names none (it is shown with its text, for staff to read).
/// </summary>
public static partial class DoseTimes
{
    public static readonly TimeOnly Morning = new(8, 0);
    public static readonly TimeOnly Noon = new(12, 0);
    public static readonly TimeOnly Afternoon = new(14, 0);
    public static readonly TimeOnly Evening = new(18, 0);
    public static readonly TimeOnly Night = new(22, 0);

    private static readonly (string[] Words, TimeOnly Time)[] PartsOfDay =
    [
        (["morning", "morgen", "morgenen"], Morning),
        (["noon", "midday", "lunch", "middag", "frokost"], Noon),
        (["afternoon", "eftermiddag"], Afternoon),
        (["evening", "aften", "aftenen"], Evening),
        (["night", "bedtime", "nat", "natten", "sengetid"], Night),
    ];

    public static IReadOnlyList<TimeOnly> Of(string? doseText, bool asNeeded)
    {
        if (asNeeded || string.IsNullOrWhiteSpace(doseText))
            return [];
        var text = doseText.ToLowerInvariant();
        var times = new SortedSet<TimeOnly>();
        foreach (Match match in ClockTime().Matches(text))
            Add(times, match.Groups["h"].Value, match.Groups["m"].Value);
        foreach (Match match in KlHours().Matches(text))
        {
            foreach (Capture hour in match.Groups["h"].Captures)
                Add(times, hour.Value, "0");
        }
        if (times.Count > 0)
            return [.. times];
        var words = Words().Matches(text).Select(m => m.Value).ToHashSet();
        foreach (var (names, time) in PartsOfDay)
        {
            if (names.Any(words.Contains))
                times.Add(time);
        }
        if (times.Count > 0)
            return [.. times];
        if (TimesDaily().Match(text) is { Success: true } count)
            return ForCount(int.Parse(count.Groups["n"].Value, CultureInfo.InvariantCulture));
        if (words.Contains("once") || words.Contains("daily") || words.Contains("dagligt") || words.Contains("daglig"))
            return [Morning];
        return [];
    }

    /// <summary>The usual times for a number of doses a day.</summary>
    public static IReadOnlyList<TimeOnly> ForCount(int perDay) => perDay switch
    {
        1 => [Morning],
        2 => [Morning, new TimeOnly(20, 0)],
        3 => [Morning, Afternoon, new TimeOnly(20, 0)],
        4 => [Morning, Noon, Evening, Night],
        _ => [],
    };

    private static void Add(SortedSet<TimeOnly> times, string hour, string minute)
    {
        var h = int.Parse(hour, CultureInfo.InvariantCulture);
        var m = int.Parse(minute, CultureInfo.InvariantCulture);
        if (h is >= 0 and < 24 && m is >= 0 and < 60)
            times.Add(new TimeOnly(h, m));
    }

    [GeneratedRegex(@"\b(?<h>[01]?\d|2[0-3])[:.](?<m>[0-5]\d)\b")]
    private static partial Regex ClockTime();

    [GeneratedRegex(@"\bkl\.?\s*(?<h>\d{1,2})(?![:.\d])(?:\s*(?:,|og|and|&)\s*(?<h>\d{1,2})(?![:.\d]))*")]
    private static partial Regex KlHours();

    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex Words();

    [GeneratedRegex(@"\b(?<n>[1-4])\s*(?:x|times|gange|gang)\s*(?:a day|daily|per day|dagligt|daglig|om dagen|i døgnet)")]
    private static partial Regex TimesDaily();
}
