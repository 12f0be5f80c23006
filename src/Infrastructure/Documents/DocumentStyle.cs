using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace CareWorkspace.Infrastructure.Documents;

/// <summary>The look of every document: A4 geometry in points, the fonts and the colours.</summary>
internal sealed class DocumentStyle
{
    public const double PageWidth = 595.28;
    public const double PageHeight = 841.89;
    public const double Left = 50;
    public const double Right = PageWidth - 50;
    public const double ContentWidth = Right - Left;
    public const double HeaderTop = 30;
    public const double HeaderRule = 62;
    public const double ContentTop = 78;
    public const double FooterRule = PageHeight - 52;
    public const double ContentBottom = FooterRule - 12;
    public const double CellPadding = 3;

    private static readonly XPdfFontOptions Unicode = new(PdfFontEncoding.Unicode);

    public XFont Title { get; } = Font(15, XFontStyleEx.Bold);

    public XFont Subheading { get; } = Font(12, XFontStyleEx.Bold);

    public XFont Body { get; } = Font(10, XFontStyleEx.Regular);

    public XFont Strong { get; } = Font(10, XFontStyleEx.Bold);

    public XFont Small { get; } = Font(8, XFontStyleEx.Regular);

    public XFont SmallStrong { get; } = Font(9, XFontStyleEx.Bold);

    public static XBrush Ink => XBrushes.Black;

    /// <summary>Dark enough grey for small print to stay readable when photocopied.</summary>
    public static readonly XBrush Muted = new XSolidBrush(XColor.FromArgb(0x4A, 0x4A, 0x4A));

    public static readonly XBrush HeaderFill = new XSolidBrush(XColor.FromArgb(0xE6, 0xEA, 0xEE));

    public static readonly XPen Rule = new(XColor.FromArgb(0x9A, 0xA3, 0xAB), 0.6);

    public static readonly XPen RowRule = new(XColor.FromArgb(0xCF, 0xD4, 0xD9), 0.4);

    private static XFont Font(double size, XFontStyleEx style) => new(DocumentFonts.Family, size, style, Unicode);
}
