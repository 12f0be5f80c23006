using CareWorkspace.Domain.Common;

namespace CareWorkspace.Domain.Triage;

/// <summary>
/// One observation point of a unit's change form (ændringsskema), e.g. "mood" or "bowels". The default items are known
/// by their key and worded by the screen in the reader's language; an item a unit adds itself carries its own label.
/// </summary>
public sealed record ChangeItem
{
    public const int KeyMaxLength = 50;
    public const int LabelMaxLength = 100;

    public string Key { get; }

    /// <summary>The unit's own wording; null for a default item, which the screen words from its key.</summary>
    public string? Label { get; }

    public ChangeItem(string key, string? label = null)
    {
        Key = Guard.Required(key, "Item key", KeyMaxLength).ToLowerInvariant();
        Label = Guard.Optional(label, "Item label", LabelMaxLength);
        if (Label is null && !ChangeFormItems.DefaultKeys.Contains(Key))
            throw new DomainException("The item '{0}' is not a default item: give it a label.", Key);
    }
}
