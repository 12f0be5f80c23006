using PdfSharp.Pdf;

namespace CareWorkspace.Infrastructure.Documents;

/// <summary>
/// The layout engine: flows a <see cref="CareDocument"/>'s blocks onto A4 pages, then frames every page with its header
/// and footer. Stateless and safe to call from many requests at once; each call builds its own PDF.
/// </summary>
public static class PdfDocumentWriter
{
    public static byte[] Write(CareDocument document)
    {
        DocumentFonts.Install();
        var style = new DocumentStyle();
        using var pdf = new PdfDocument();
        pdf.Info.Title = document.Frame.Title;
        pdf.Info.Subject = document.Frame.PatientName;
        pdf.Info.Creator = "CareWorkspace";
        pdf.Options.CompressContentStreams = true;
        using (var flow = new PageFlow(pdf, style))
        {
            foreach (var block in document.Blocks)
                BlockWriter.Write(flow, block);
        }
        PageFrames.Draw(pdf, document.Frame, style);
        using var stream = new MemoryStream();
        pdf.Save(stream, false);
        return stream.ToArray();
    }
}
