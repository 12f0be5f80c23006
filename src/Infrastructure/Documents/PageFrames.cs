using System.Globalization;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace CareWorkspace.Infrastructure.Documents;

/// <summary>
/// Draws the header and footer on every page once the body is laid out, when the number of pages is known
/// ("Page 2 of 5").
/// </summary>
internal static class PageFrames
{
    public static void Draw(PdfDocument pdf, DocumentFrame frame, DocumentStyle style)
    {
        var count = pdf.PageCount;
        for (var i = 0; i < count; i++)
        {
            using var graphics = XGraphics.FromPdfPage(pdf.Pages[i], XGraphicsPdfPageOptions.Append);
            Header(graphics, frame, style);
            Footer(graphics, frame, style, string.Format(CultureInfo.CurrentCulture, frame.PageNumberTemplate, i + 1, count));
        }
    }

    private static void Header(XGraphics graphics, DocumentFrame frame, DocumentStyle style)
    {
        double Width(string s, XFont f) => graphics.MeasureString(s, f).Width;
        var cpr = frame.PatientCpr;
        var cprWidth = Width(cpr, style.Strong);
        var name = TextWrapper.Fit(frame.PatientName, DocumentStyle.ContentWidth - cprWidth - 16, s => Width(s, style.Strong));
        Draw(graphics, name, style.Strong, DocumentStyle.Ink, DocumentStyle.Left, DocumentStyle.HeaderTop);
        Draw(graphics, cpr, style.Strong, DocumentStyle.Ink, DocumentStyle.Right - cprWidth, DocumentStyle.HeaderTop);
        var title = TextWrapper.Fit(frame.Title, DocumentStyle.ContentWidth, s => Width(s, style.Small));
        Draw(graphics, title, style.Small, DocumentStyle.Muted, DocumentStyle.Left, DocumentStyle.HeaderTop + style.Strong.GetHeight() + 2);
        graphics.DrawLine(DocumentStyle.Rule, DocumentStyle.Left, DocumentStyle.HeaderRule, DocumentStyle.Right, DocumentStyle.HeaderRule);
    }

    private static void Footer(XGraphics graphics, DocumentFrame frame, DocumentStyle style, string pageNumber)
    {
        graphics.DrawLine(DocumentStyle.Rule, DocumentStyle.Left, DocumentStyle.FooterRule, DocumentStyle.Right, DocumentStyle.FooterRule);
        var top = DocumentStyle.FooterRule + 6;
        var numberWidth = graphics.MeasureString(pageNumber, style.SmallStrong).Width;
        Draw(graphics, pageNumber, style.SmallStrong, DocumentStyle.Ink, DocumentStyle.Right - numberWidth, top);
        var text = string.Join(" · ", frame.FooterParts.Where(p => !string.IsNullOrWhiteSpace(p)));
        var lines = TextWrapper.Wrap(text, DocumentStyle.ContentWidth - numberWidth - 16, s => graphics.MeasureString(s, style.Small).Width);
        // Room for three lines above the page's edge; a longer footer is cut rather than drawn off the page.
        for (var i = 0; i < Math.Min(lines.Count, 3); i++)
            Draw(graphics, lines[i], style.Small, DocumentStyle.Muted, DocumentStyle.Left, top + i * style.Small.GetHeight());
    }

    private static void Draw(XGraphics graphics, string text, XFont font, XBrush brush, double x, double top)
    {
        if (text.Length > 0)
            graphics.DrawString(text, font, brush, new XRect(x, top, DocumentStyle.Right - x, font.GetHeight()), XStringFormats.TopLeft);
    }
}
