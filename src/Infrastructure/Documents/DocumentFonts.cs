using System.Collections.Concurrent;
using PdfSharp.Fonts;

namespace CareWorkspace.Infrastructure.Documents;

/// <summary>
/// The one font family of every document: DejaVu Sans (regular and bold), embedded in this assembly with its licence
/// beside it in Documents/Fonts, so a PDF comes out the same on a server without any system fonts.
/// </summary>
public sealed class DocumentFonts : IFontResolver
{
    public const string Family = "DejaVu Sans";

    private const string Regular = "DejaVuSans";
    private const string Bold = "DejaVuSans-Bold";

    private static readonly DocumentFonts Instance = new();
    private static readonly Lock Installing = new();
    private static bool installed;

    private readonly ConcurrentDictionary<string, byte[]> faces = new(StringComparer.Ordinal);

    private DocumentFonts()
    {
    }

    /// <summary>
    /// Makes these fonts PDFsharp's font resolver. PDFsharp allows that once per process and before any text is drawn,
    /// so every writer calls this first; later calls do nothing.
    /// </summary>
    public static void Install()
    {
        if (Volatile.Read(ref installed))
            return;
        lock (Installing)
        {
            if (installed)
                return;
            GlobalFontSettings.FontResolver = Instance;
            Volatile.Write(ref installed, true);
        }
    }

    /// <summary>Every request is answered with DejaVu Sans: a document never depends on what the machine has installed.</summary>
    public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic) =>
        // No italic face ships; PDFsharp slants the regular one where italic is asked for.
        new(bold ? Bold : Regular, false, italic);

    public byte[] GetFont(string faceName) => faces.GetOrAdd(faceName, Load);

    private static byte[] Load(string faceName)
    {
        var name = $"CareWorkspace.Documents.Fonts.{faceName}.ttf";
        using var stream = typeof(DocumentFonts).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The font {name} is not embedded in {typeof(DocumentFonts).Assembly.GetName().Name}.");
        using var copy = new MemoryStream((int)stream.Length);
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
