using CareWorkspace.Domain.Common;
using CareWorkspace.Domain.Organisations;

namespace CareWorkspace.Domain.Conferences;

/// <summary>
/// One participant's part of the conference minutes. Only its author writes it, so two participants writing at the same
/// time never write to the same text; <see cref="Version"/> catches the author's own second window.
/// </summary>
public sealed class MinutesEntry
{
    public const int TextMaxLength = 4000;

    public Guid Id { get; private set; } = Guid.NewGuid();
    public string AuthorUserId { get; private set; } = "";
    public string AuthorName { get; private set; } = "";
    public string? AuthorOrganisation { get; private set; }
    public Sector? AuthorSector { get; private set; }
    public string Text { get; private set; } = "";
    public DateTimeOffset ChangedAt { get; private set; }

    /// <summary>Moves on every save of this entry: an edit based on an older version is refused, never silently overwritten.</summary>
    public Guid Version { get; private set; } = Guid.NewGuid();

    private MinutesEntry() { }

    internal MinutesEntry(string authorUserId, string authorName, string? authorOrganisation, Sector? authorSector, string text, DateTimeOffset at)
    {
        AuthorUserId = authorUserId;
        AuthorName = authorName;
        AuthorOrganisation = authorOrganisation;
        AuthorSector = authorSector;
        Write(text, at);
    }

    internal void Write(string text, DateTimeOffset at)
    {
        Text = Guard.Optional(text, "Minutes", TextMaxLength) ?? "";
        ChangedAt = at;
        Version = Guid.NewGuid();
    }
}
