using CareWorkspace.Domain.Common;

namespace CareWorkspace.Domain.Triage;

/// <summary>
/// A unit's own change-form settings, stored when the unit sets them: its items, and after how many days without a change
/// form a citizen is flagged on the board. A unit without one uses the defaults.
/// </summary>
public sealed class UnitChangeForm : AggregateRoot
{
    public const int DefaultFlagAfterDays = 7;

    private List<ChangeItem> _items = [];

    public Guid UnitId { get; private set; }
    public IReadOnlyList<ChangeItem> Items => _items;

    /// <summary>A citizen without a change form for this many days is flagged on the board as not observed.</summary>
    public int FlagAfterDays { get; private set; } = DefaultFlagAfterDays;
    public DateTimeOffset ChangedAt { get; private set; }
    public string ChangedBy { get; private set; } = "";

    private UnitChangeForm() { }

    public UnitChangeForm(Guid unitId, ChangeFormItems items, ChangeStamp stamp, int flagAfterDays = DefaultFlagAfterDays)
    {
        if (unitId == Guid.Empty)
            throw new DomainException("A change form is recorded by a unit.");
        UnitId = unitId;
        Change(items, stamp, flagAfterDays);
    }

    public ChangeFormItems Form => new(_items);

    public void Change(ChangeFormItems items, ChangeStamp stamp, int flagAfterDays = DefaultFlagAfterDays)
    {
        if (flagAfterDays is < 1 or > 90)
            throw new DomainException("Flag a citizen after 1 to 90 days without a change form.");
        FlagAfterDays = flagAfterDays;
        _items = [.. items.Items];
        ChangedAt = stamp.At.ToUniversalTime();
        ChangedBy = Guard.Required(stamp.ByName, "Changed by", ChangeObservation.NameMaxLength);
        Touch();
    }
}
