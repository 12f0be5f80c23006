using CareWorkspace.Domain.Common;

namespace CareWorkspace.Domain.Triage;

/// <summary>
/// A unit's change-form items, in the order the form asks them. No official item list exists, so each unit may set its
/// own; a unit that has not gets the <see cref="Defaults"/>, the points seen in use in Danish municipalities.
/// </summary>
public sealed class ChangeFormItems
{
    public const int MaxItems = 40;

    public static readonly IReadOnlyList<string> DefaultKeys =
    [
        "mood", "memory", "social-activity", "sleep", "initiative", "hygiene", "physical-activity", "falls", "bowels",
        "breathing", "cough", "fatigue", "pain", "dizziness", "appetite", "thirst", "weight", "urination", "medication",
    ];

    public static ChangeFormItems Defaults { get; } = new(DefaultKeys.Select(k => new ChangeItem(k)));

    public IReadOnlyList<ChangeItem> Items { get; }

    public ChangeFormItems(IEnumerable<ChangeItem> items)
    {
        Items = items.ToList();
        if (Items.Count == 0)
            throw new DomainException("A change form needs at least one item.");
        if (Items.Count > MaxItems)
            throw new DomainException("A change form may have at most {0} items.", MaxItems);
        var repeated = Items.GroupBy(i => i.Key).FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null)
            throw new DomainException("The item '{0}' is on the form twice.", repeated.Key);
    }

    public bool Contains(string key) => Items.Any(i => i.Key == key);
}
