using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace CareWorkspace.Infrastructure.Documents;

/// <summary>
/// The writing position in a document being laid out: the current A4 page and how far down it the body has come.
/// Blocks ask for room before they draw, and get a new page when the current one is full.
/// </summary>
internal sealed class PageFlow : IDisposable
{
    private readonly PdfDocument pdf;
    private XGraphics graphics;

    public PageFlow(PdfDocument pdf, DocumentStyle style)
    {
        this.pdf = pdf;
        Style = style;
        graphics = OpenPage();
    }

    public DocumentStyle Style { get; }

    /// <summary>The top of the next thing to draw, in points from the top of the page.</summary>
    public double Y { get; private set; }

    public bool AtTopOfPage => Y <= DocumentStyle.ContentTop;

    /// <summary>The height of body a whole page holds.</summary>
    public static double PageCapacity => DocumentStyle.ContentBottom - DocumentStyle.ContentTop;

    public double Remaining => DocumentStyle.ContentBottom - Y;

    public void NewPage()
    {
        graphics.Dispose();
        graphics = OpenPage();
    }

    /// <summary>Starts a new page unless <paramref name="height"/> fits below the current position (or the page is still empty).</summary>
    public void Ensure(double height)
    {
        if (height > Remaining && !AtTopOfPage)
            NewPage();
    }

    public void Advance(double height) => Y += height;

    public double Measure(string text, XFont font) => graphics.MeasureString(text, font).Width;

    public IReadOnlyList<string> Wrap(string text, XFont font, double width) => TextWrapper.Wrap(text, width, s => Measure(s, font));

    /// <summary>Draws one line of text with its top at <paramref name="top"/>.</summary>
    public void Text(string line, XFont font, XBrush brush, double x, double top)
    {
        if (line.Length > 0)
            graphics.DrawString(line, font, brush, new XRect(x, top, DocumentStyle.Right - x, font.GetHeight()), XStringFormats.TopLeft);
    }

    public void Fill(XBrush brush, double x, double top, double width, double height) => graphics.DrawRectangle(brush, x, top, width, height);

    public void Line(XPen pen, double x1, double y1, double x2, double y2) => graphics.DrawLine(pen, x1, y1, x2, y2);

    public void Dispose() => graphics.Dispose();

    private XGraphics OpenPage()
    {
        var page = pdf.AddPage();
        page.Size = PageSize.A4;
        Y = DocumentStyle.ContentTop;
        return XGraphics.FromPdfPage(page);
    }
}
