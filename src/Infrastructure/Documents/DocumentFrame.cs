namespace CareWorkspace.Infrastructure.Documents;

/// <summary>
/// What every page carries, already in the reader's language: the header (whose document: patient name and CPR, and the
/// document's title) and the footer (printed by, when, which version) with the page number.
/// </summary>
/// <param name="PageNumberTemplate">With {0} for the page and {1} for the number of pages, e.g. "Page {0} of {1}".</param>
public sealed record DocumentFrame(
    string Title,
    string PatientName,
    string PatientCpr,
    IReadOnlyList<string> FooterParts,
    string PageNumberTemplate);
