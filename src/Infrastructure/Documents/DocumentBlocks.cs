namespace CareWorkspace.Infrastructure.Documents;

/// <summary>One piece of a document's body; the writer flows them onto pages in order.</summary>
public abstract record DocumentBlock;

/// <summary>A heading: level 1 for a document's parts, level 2 within a part. Never left alone at the foot of a page.</summary>
public sealed record DocumentHeading(string Text, int Level = 1) : DocumentBlock;

/// <summary>Running text, wrapped to the page's width; a line break in the text starts a new line. Muted for "nothing here" remarks, strong for a lead-in.</summary>
public sealed record DocumentParagraph(string Text, bool Muted = false, bool Strong = false) : DocumentBlock;

/// <summary>Labelled values, one pair a line (name, CPR, address…); long values wrap beside their label.</summary>
public sealed record DocumentFacts(IReadOnlyList<DocumentFact> Facts) : DocumentBlock;

public sealed record DocumentFact(string Label, string Value);

/// <summary>A bulleted list; each item wraps under itself.</summary>
public sealed record DocumentList(IReadOnlyList<string> Items) : DocumentBlock;

/// <summary>
/// A table: a header row and rows of text. Columns share the page's width in proportion to their <see cref="DocumentColumn.Width"/>;
/// a table longer than a page continues on the next with its header row repeated.
/// </summary>
public sealed record DocumentTable(IReadOnlyList<DocumentColumn> Columns, IReadOnlyList<IReadOnlyList<string>> Rows) : DocumentBlock;

public sealed record DocumentColumn(string Header, double Width = 1);
