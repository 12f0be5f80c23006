namespace CareWorkspace.Infrastructure.Documents;

/// <summary>Lays out the text blocks (headings, paragraphs, facts, lists) line by line, each line on the page it fits.</summary>
internal static class BlockWriter
{
    private const double FactLabelShare = 0.32;
    private const double BulletIndent = 14;

    public static void Write(PageFlow flow, DocumentBlock block)
    {
        switch (block)
        {
            case DocumentHeading heading:
                Heading(flow, heading);
                break;
            case DocumentParagraph paragraph:
                Paragraph(flow, paragraph);
                break;
            case DocumentFacts facts:
                Facts(flow, facts);
                break;
            case DocumentList list:
                List(flow, list);
                break;
            case DocumentTable table:
                TableWriter.Write(flow, table);
                break;
            default:
                throw new ArgumentException($"No layout for {block.GetType().Name}.", nameof(block));
        }
    }

    private static void Heading(PageFlow flow, DocumentHeading heading)
    {
        var font = heading.Level <= 1 ? flow.Style.Title : flow.Style.Subheading;
        var lineHeight = font.GetHeight();
        var lines = flow.Wrap(heading.Text, font, DocumentStyle.ContentWidth);
        var before = flow.AtTopOfPage ? 0 : heading.Level <= 1 ? 12 : 8;
        // Keep a heading with the first lines under it.
        flow.Ensure(before + lines.Count * lineHeight + 3 * flow.Style.Body.GetHeight());
        if (!flow.AtTopOfPage)
            flow.Advance(before);
        foreach (var line in lines)
        {
            flow.Text(line, font, DocumentStyle.Ink, DocumentStyle.Left, flow.Y);
            flow.Advance(lineHeight);
        }
        flow.Advance(4);
    }

    private static void Paragraph(PageFlow flow, DocumentParagraph paragraph)
    {
        var font = paragraph.Strong ? flow.Style.Strong : flow.Style.Body;
        var brush = paragraph.Muted ? DocumentStyle.Muted : DocumentStyle.Ink;
        foreach (var line in flow.Wrap(paragraph.Text, font, DocumentStyle.ContentWidth))
            Line(flow, line, font, brush, DocumentStyle.Left);
        flow.Advance(6);
    }

    private static void Facts(PageFlow flow, DocumentFacts facts)
    {
        var style = flow.Style;
        var labelWidth = DocumentStyle.ContentWidth * FactLabelShare;
        var lineHeight = style.Body.GetHeight();
        foreach (var fact in facts.Facts)
        {
            var labels = flow.Wrap(fact.Label, style.Strong, labelWidth - 8);
            var values = flow.Wrap(fact.Value, style.Body, DocumentStyle.ContentWidth - labelWidth);
            for (var i = 0; i < Math.Max(labels.Count, values.Count); i++)
            {
                flow.Ensure(lineHeight);
                if (i < labels.Count)
                    flow.Text(labels[i], style.Strong, DocumentStyle.Ink, DocumentStyle.Left, flow.Y);
                if (i < values.Count)
                    flow.Text(values[i], style.Body, DocumentStyle.Ink, DocumentStyle.Left + labelWidth, flow.Y);
                flow.Advance(lineHeight);
            }
            flow.Advance(2);
        }
        flow.Advance(6);
    }

    private static void List(PageFlow flow, DocumentList list)
    {
        var font = flow.Style.Body;
        foreach (var item in list.Items)
        {
            var lines = flow.Wrap(item, font, DocumentStyle.ContentWidth - BulletIndent);
            for (var i = 0; i < lines.Count; i++)
            {
                flow.Ensure(font.GetHeight());
                if (i == 0)
                    flow.Text("•", font, DocumentStyle.Ink, DocumentStyle.Left + 3, flow.Y);
                Line(flow, lines[i], font, DocumentStyle.Ink, DocumentStyle.Left + BulletIndent);
            }
            flow.Advance(2);
        }
        flow.Advance(6);
    }

    private static void Line(PageFlow flow, string line, PdfSharp.Drawing.XFont font, PdfSharp.Drawing.XBrush brush, double x)
    {
        flow.Ensure(font.GetHeight());
        flow.Text(line, font, brush, x, flow.Y);
        flow.Advance(font.GetHeight());
    }
}
