using CareWorkspace.Domain.Common;
using CareWorkspace.Domain.Organisations;

namespace CareWorkspace.Domain.Blocks;

/// <summary>Whom a block keeps the data from: chosen organisations, chosen sectors, or everyone outside the recording organisation.</summary>
public sealed record BlockAudience
{
    public BlockAudienceKind Kind { get; }
    public IReadOnlyList<Guid> OrganisationIds { get; }
    public IReadOnlyList<Sector> Sectors { get; }

    private BlockAudience(BlockAudienceKind kind, IReadOnlyList<Guid> organisationIds, IReadOnlyList<Sector> sectors)
    {
        Kind = kind;
        OrganisationIds = organisationIds;
        Sectors = sectors;
    }

    public static BlockAudience Organisations(IEnumerable<Guid> organisationIds)
    {
        var ids = organisationIds.Where(id => id != Guid.Empty).Distinct().ToList();
        if (ids.Count == 0)
            throw new DomainException("Choose at least one organisation the block is for.");
        return new BlockAudience(BlockAudienceKind.Organisations, ids, []);
    }

    public static BlockAudience InSectors(IEnumerable<Sector> sectors)
    {
        var chosen = sectors.Distinct().ToList();
        if (chosen.Count == 0)
            throw new DomainException("Choose at least one sector the block is for.");
        if (chosen.Any(s => !Enum.IsDefined(s)))
            throw new DomainException("Unknown sector.");
        return new BlockAudience(BlockAudienceKind.Sectors, [], chosen);
    }

    public static BlockAudience OutsideRecordingOrganisation() => new(BlockAudienceKind.OutsideRecordingOrganisation, [], []);

    /// <summary>Does the block keep the data from this organisation (of this sector)? The recording organisation is judged by the caller.</summary>
    public bool Includes(Guid organisationId, Sector? sector) => Kind switch
    {
        BlockAudienceKind.Organisations => OrganisationIds.Contains(organisationId),
        BlockAudienceKind.Sectors => sector is { } s && Sectors.Contains(s),
        _ => true,
    };
}
