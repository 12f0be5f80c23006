namespace CareWorkspace.Domain.Common;

/// <summary>
/// Someone else saved the item after this user loaded it. Carries who, when and the values now stored,
/// so the user can compare, reload, or apply their change again on top.
/// </summary>
public sealed class StaleEditException(string item, string changedBy, DateTimeOffset changedAt, IReadOnlyDictionary<string, string?> currentValues)
    : Exception(changedAt == DateTimeOffset.MinValue
        ? $"{item} was changed by someone else after you opened it. Your change was not saved."
        : $"{item} was changed by {changedBy} at {CopenhagenTime.ToCopenhagen(changedAt):d MMM yyyy HH:mm:ss} (Danish time) after you opened it. Your change was not saved.")
{
    public string Item { get; } = item;
    public string ChangedBy { get; } = changedBy;
    public DateTimeOffset ChangedAt { get; } = changedAt;
    public IReadOnlyDictionary<string, string?> CurrentValues { get; } = currentValues;
}
