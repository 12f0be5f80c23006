using CareWorkspace.Domain.Common;

namespace CareWorkspace.Domain.Triage;

/// <summary>One item of the change form answered: "as usual" or "changed", with the worker's note on what changed.</summary>
public sealed record ItemAnswer
{
    public const int NoteMaxLength = 500;

    public string ItemKey { get; init; }
    public bool Changed { get; init; }
    public string? Note { get; init; }

    public ItemAnswer(string itemKey, bool changed, string? note = null)
    {
        ItemKey = Guard.Required(itemKey, "Item key", ChangeItem.KeyMaxLength).ToLowerInvariant();
        Changed = changed;
        // A note belongs to a change; one left in a field toggled back to "as usual" is dropped.
        Note = changed ? Guard.Optional(note, "Note", NoteMaxLength) : null;
    }
}
