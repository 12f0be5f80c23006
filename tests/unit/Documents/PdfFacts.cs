using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Parser.Parts;
using UglyToad.PdfPig.Tokens;

namespace CareWorkspace.UnitTests.Documents;

/// <summary>What a test reads back from a PDF with PdfPig (shared with the integration tests).</summary>
public static class PdfFacts
{
    /// <summary>The text of each page, in order.</summary>
    public static IReadOnlyList<string> PageTexts(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return document.GetPages().Select(p => p.Text).ToList();
    }

    /// <summary>Text without its spaces and line breaks: a table cell's text may wrap anywhere, and PdfPig joins the lines without a space.</summary>
    public static string Flat(string text) => new([.. text.Where(c => !char.IsWhiteSpace(c))]);

    /// <summary>The letters drawn outside their page's box (none in a well laid-out document).</summary>
    public static IReadOnlyList<string> LettersOutsideThePage(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return document.GetPages()
            .SelectMany(p => p.Letters.Where(l => !Inside(l, p)).Select(l => $"page {p.Number}: '{l.Value}' at {l.BoundingBox}"))
            .ToList();
    }

    /// <summary>The names of the fonts the letters use, e.g. "ABCDEF+DejaVuSans" for an embedded subset.</summary>
    public static IReadOnlySet<string> LetterFontNames(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return document.GetPages().SelectMany(p => p.Letters).Select(l => l.FontName ?? "").ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Every font on every page, and whether its font program is inside the file (FontFile, FontFile2 or FontFile3).</summary>
    public static IReadOnlyList<(string Name, bool Embedded)> Fonts(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        var scanner = document.Structure.TokenScanner;
        T Get<T>(IToken token) where T : class, IToken => DirectObjectFinder.Get<T>(token, scanner) ?? throw new InvalidDataException($"Not a {typeof(T).Name}");
        var fonts = new List<(string, bool)>();
        foreach (var page in document.GetPages())
        {
            var resources = Get<DictionaryToken>(page.Dictionary.Data[NameToken.Resources.Data]);
            if (!resources.TryGet(NameToken.Font, out var fontsToken))
                continue;
            foreach (var entry in Get<DictionaryToken>(fontsToken).Data.Values)
            {
                var font = Get<DictionaryToken>(entry);
                var name = font.TryGet(NameToken.BaseFont, out var baseFont) ? Get<NameToken>(baseFont).Data : "?";
                if (font.TryGet(NameToken.DescendantFonts, out var descendants))
                    font = Get<DictionaryToken>(Get<ArrayToken>(descendants).Data[0]);
                var embedded = font.TryGet(NameToken.FontDescriptor, out var descriptorToken)
                    && Get<DictionaryToken>(descriptorToken) is var descriptor
                    && (descriptor.ContainsKey(NameToken.FontFile) || descriptor.ContainsKey(NameToken.FontFile2) || descriptor.ContainsKey(NameToken.FontFile3));
                fonts.Add((name, embedded));
            }
        }
        return fonts;
    }

    private static bool Inside(Letter letter, Page page)
    {
        var box = letter.BoundingBox;
        return box.Left >= 0 && box.Bottom >= 0 && box.Right <= page.Width && box.Top <= page.Height;
    }
}
