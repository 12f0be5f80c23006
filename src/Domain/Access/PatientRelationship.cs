using CareWorkspace.Domain.Blocks;
using CareWorkspace.Domain.Organisations;

namespace CareWorkspace.Domain.Access;

/// <summary>The facts about one patient that decide who may see what, as they stood at <see cref="AsOf"/>.</summary>
public sealed record PatientRelationship(
    Guid PatientId,
    string? PatientUserId,
    IReadOnlyCollection<Guid> ActiveCareTeamOrganisationIds,
    IReadOnlyCollection<RelativeConsent> Consents,
    DateTimeOffset AsOf)
{
    /// <summary>The moment the facts describe (from the app's clock); consents that end by date are judged at this instant.</summary>
    public DateTimeOffset AsOf { get; init; } = AsOf;

    /// <summary>The patient's active sharing blocks (lifted ones are not loaded).</summary>
    public IReadOnlyCollection<SharingBlock> Blocks { get; init; } = [];

    /// <summary>Emergency access clinicians have taken to this patient that had not ended when the facts were read.</summary>
    public IReadOnlyCollection<EmergencyAccess> EmergencyAccesses { get; init; } = [];

    /// <summary>The sector of each organisation on the care team, for blocks by sector.</summary>
    public IReadOnlyDictionary<Guid, Sector> OrganisationSectors { get; init; } = new Dictionary<Guid, Sector>();
}
