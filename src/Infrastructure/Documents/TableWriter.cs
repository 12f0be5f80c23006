using PdfSharp.Drawing;

namespace CareWorkspace.Infrastructure.Documents;

/// <summary>
/// Lays out a <see cref="DocumentTable"/>: cells wrap inside their column, a row moves whole to the next page when it
/// does not fit (a row taller than a page is split by lines), and every page the table reaches starts with its header row.
/// </summary>
internal static class TableWriter
{
    private const double Pad = DocumentStyle.CellPadding;

    public static void Write(PageFlow flow, DocumentTable table)
    {
        var style = flow.Style;
        var total = table.Columns.Sum(c => Math.Max(c.Width, 0.01));
        var widths = table.Columns.Select(c => Math.Max(c.Width, 0.01) / total * DocumentStyle.ContentWidth).ToArray();
        var lineHeight = style.Body.GetHeight();
        var header = Cells(flow, table.Columns.Select(c => c.Header).ToList(), widths, style.Strong);
        var headerHeight = header.Max(c => c.Count) * style.Strong.GetHeight() + 2 * Pad;
        var rows = table.Rows.Select(r => Cells(flow, r, widths, style.Body)).ToList();

        var firstRow = rows.Count == 0 ? 0 : Height(rows[0], lineHeight);
        flow.Ensure(headerHeight + Math.Min(firstRow, PageFlow.PageCapacity - headerHeight));
        Header(flow, header, widths, headerHeight);

        foreach (var row in rows)
        {
            var lines = row.Max(c => c.Count);
            var height = Height(row, lineHeight);
            if (height > flow.Remaining && height <= PageFlow.PageCapacity - headerHeight)
                Continue(flow, header, widths, headerHeight);
            var from = 0;
            while (from < lines)
            {
                var fitting = (int)Math.Floor((flow.Remaining - 2 * Pad) / lineHeight);
                if (fitting < 1)
                {
                    Continue(flow, header, widths, headerHeight);
                    continue;
                }
                var count = Math.Min(fitting, lines - from);
                Slice(flow, row, widths, from, count, lineHeight);
                from += count;
            }
        }
        flow.Advance(8);
    }

    private static List<IReadOnlyList<string>> Cells(PageFlow flow, IReadOnlyList<string> texts, double[] widths, XFont font) =>
        widths.Select((w, i) => flow.Wrap(i < texts.Count ? texts[i] : "", font, w - 2 * Pad)).ToList();

    private static double Height(List<IReadOnlyList<string>> row, double lineHeight) => row.Max(c => Math.Max(c.Count, 1)) * lineHeight + 2 * Pad;

    private static void Continue(PageFlow flow, List<IReadOnlyList<string>> header, double[] widths, double headerHeight)
    {
        flow.NewPage();
        Header(flow, header, widths, headerHeight);
    }

    private static void Header(PageFlow flow, List<IReadOnlyList<string>> header, double[] widths, double height)
    {
        var style = flow.Style;
        flow.Fill(DocumentStyle.HeaderFill, DocumentStyle.Left, flow.Y, DocumentStyle.ContentWidth, height);
        var x = DocumentStyle.Left;
        for (var c = 0; c < widths.Length; c++)
        {
            for (var l = 0; l < header[c].Count; l++)
                flow.Text(header[c][l], style.Strong, DocumentStyle.Ink, x + Pad, flow.Y + Pad + l * style.Strong.GetHeight());
            x += widths[c];
        }
        flow.Advance(height);
    }

    private static void Slice(PageFlow flow, List<IReadOnlyList<string>> row, double[] widths, int from, int count, double lineHeight)
    {
        var x = DocumentStyle.Left;
        for (var c = 0; c < widths.Length; c++)
        {
            for (var l = from; l < Math.Min(from + count, row[c].Count); l++)
                flow.Text(row[c][l], flow.Style.Body, DocumentStyle.Ink, x + Pad, flow.Y + Pad + (l - from) * lineHeight);
            x += widths[c];
        }
        var height = count * lineHeight + 2 * Pad;
        flow.Line(DocumentStyle.RowRule, DocumentStyle.Left, flow.Y + height, DocumentStyle.Right, flow.Y + height);
        flow.Advance(height);
    }
}
