using System.Globalization;
using CareWorkspace.Domain.Common;

namespace CareWorkspace.Domain.CarePlans;

/// <summary>A text of a template in English and Danish; a plan made from it takes the text in the language of whoever makes it.</summary>
public sealed record LocalisedText
{
    public string En { get; }
    public string Da { get; }

    public LocalisedText(string? en, string? da)
    {
        En = Guard.Required(en, "English text", 500);
        Da = Guard.Required(da, "Danish text", 500);
    }

    public string In(CultureInfo culture) => culture.TwoLetterISOLanguageName == "da" ? Da : En;
}
