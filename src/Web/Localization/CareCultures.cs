using System.Globalization;

namespace CareWorkspace.Web.Localization;

/// <summary>The two languages of CareWorkspace: Danish (the default) and English.</summary>
public static class CareCultures
{
    public const string DanishName = "da-DK";
    public const string EnglishName = "en-GB";

    public static readonly CultureInfo Danish = CultureInfo.GetCultureInfo(DanishName);
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo(EnglishName);

    public static CultureInfo Default => Danish;

    public static IReadOnlyList<CultureInfo> Supported { get; } = [Danish, English];

    /// <summary>
    /// The supported culture a requested name stands for: any Danish ("da", "da-DK") is Danish, any English ("en",
    /// "en-US", "en-GB") is British English; anything else, including garbage, is null so the next source decides.
    /// </summary>
    public static CultureInfo? Match(string? name)
    {
        var value = name?.Trim() ?? "";
        if (IsLanguage(value, "da"))
            return Danish;
        if (IsLanguage(value, "en"))
            return English;
        return null;
    }

    /// <summary>True when the current UI language is Danish.</summary>
    public static bool IsDanish(CultureInfo culture) => culture.TwoLetterISOLanguageName == "da";

    private static bool IsLanguage(string value, string language) =>
        value.Equals(language, StringComparison.OrdinalIgnoreCase)
        || (value.StartsWith(language + "-", StringComparison.OrdinalIgnoreCase) && value.Length <= 16);
}
