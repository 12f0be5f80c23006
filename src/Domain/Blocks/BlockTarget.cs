using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Common;

namespace CareWorkspace.Domain.Blocks;

/// <summary>
/// What a block covers: a whole section of the record, or one item of a kind. An item target names the organisation
/// that recorded it (null when nobody in the workspace did, e.g. an imported entry), which always keeps seeing it.
/// </summary>
public sealed record BlockTarget
{
    public PatientSection? Section { get; }
    public BlockedItemKind? ItemKind { get; }
    public Guid? ItemId { get; }
    public Guid? RecordedByOrganisationId { get; }

    private BlockTarget(PatientSection? section, BlockedItemKind? itemKind, Guid? itemId, Guid? recordedBy)
    {
        Section = section;
        ItemKind = itemKind;
        ItemId = itemId;
        RecordedByOrganisationId = recordedBy;
    }

    /// <summary>The sections a patient may block: not their own consents, and not who is on the care team or viewing now.</summary>
    public static readonly IReadOnlyList<PatientSection> BlockableSections =
        Enum.GetValues<PatientSection>()
            .Where(s => s is not (PatientSection.MasterData or PatientSection.CareTeam or PatientSection.Consents or PatientSection.Presence))
            .ToList();

    public bool IsSection => Section is not null;

    public static BlockTarget WholeSection(PatientSection section)
    {
        if (!BlockableSections.Contains(section))
            throw new DomainException("{0} cannot be blocked: choose among {1}.", section, string.Join(", ", BlockableSections));
        return new BlockTarget(section, null, null, null);
    }

    public static BlockTarget Item(BlockedItemKind kind, Guid itemId, Guid? recordedByOrganisationId)
    {
        if (!Enum.IsDefined(kind))
            throw new DomainException("Unknown kind of item to block.");
        if (itemId == Guid.Empty)
            throw new DomainException("Choose the item to block.");
        return new BlockTarget(null, kind, itemId, recordedByOrganisationId);
    }

    /// <summary>For reading a stored block back: exactly one of a section or an item.</summary>
    public static BlockTarget From(PatientSection? section, BlockedItemKind? itemKind, Guid? itemId, Guid? recordedBy) =>
        (section, itemKind, itemId) switch
        {
            ({ } s, null, null) => WholeSection(s),
            (null, { } k, { } id) => Item(k, id, recordedBy),
            _ => throw new DomainException("A block needs a target: a whole section or one item."),
        };

    public bool Covers(BlockedItemKind kind, Guid itemId) => ItemKind == kind && ItemId == itemId;
}
