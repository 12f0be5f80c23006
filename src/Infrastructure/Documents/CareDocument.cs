namespace CareWorkspace.Infrastructure.Documents;

/// <summary>A printable document about one patient: its page frame and its body, written by <see cref="PdfDocumentWriter"/>.</summary>
public sealed record CareDocument(DocumentFrame Frame, IReadOnlyList<DocumentBlock> Blocks)
{
    public const string ContentType = "application/pdf";
}
