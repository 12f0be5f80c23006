using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Blocks;
using CareWorkspace.Domain.Organisations;
using CareWorkspace.Domain.Pathway;

namespace CareWorkspace.Web.Features.Sharing;

/// <summary>A new block as the patient chose it: a section or one item, and whom it keeps it from.</summary>
public sealed record BlockInput(
    PatientSection? Section,
    BlockedItemKind? ItemKind,
    Guid? ItemId,
    BlockAudienceKind AudienceKind,
    IReadOnlyList<Guid> OrganisationIds,
    IReadOnlyList<Sector> Sectors,
    string? Reason = null);

public sealed record BlockView(
    Guid Id,
    PatientSection? Section,
    BlockedItemKind? ItemKind,
    string? ItemLabel,
    BlockAudienceKind AudienceKind,
    IReadOnlyList<string> OrganisationNames,
    IReadOnlyList<Sector> Sectors,
    DateTimeOffset CreatedAt,
    string CreatedByName,
    bool CreatedByPatient,
    string? CreatedReason,
    DateTimeOffset? LiftedAt,
    string? LiftedByName)
{
    public bool IsActive => LiftedAt is null;
}

/// <summary>An item the patient can block: when, what (a timeline entry's type and text, an appointment's, a condition's) and who recorded it.</summary>
public sealed record BlockableItem(BlockedItemKind Kind, Guid Id, DateTimeOffset? At, PathwayEventType? EventType, string? Text, string? OrganisationName);

/// <summary>What staff blocking for the patient may choose: a whole part of the record, and whom it is kept from.</summary>
public sealed record StaffBlockChoices(IReadOnlyList<PatientSection> Sections, IReadOnlyList<SharingOrganisation> Organisations);

public sealed record SharingOrganisation(Guid Id, string Name, Sector Sector);

public sealed record SharingView(
    Guid PatientId,
    IReadOnlyList<BlockView> Blocks,
    IReadOnlyList<BlockableItem> Items,
    IReadOnlyList<SharingOrganisation> Organisations,
    IReadOnlyList<PatientSection> Sections);

/// <summary>The clinician's own active emergency access to the patient, for the banner: until when and why.</summary>
public sealed record EmergencyAccessView(Guid Id, DateTimeOffset StartedAt, DateTimeOffset EndsAt, string Reason);

/// <summary>What the pathway shows about blocks: staff learn only that something is blocked; a clinician may break the glass.</summary>
public sealed record SharingNotice(bool SomethingBlocked, bool MayUseEmergencyAccess, EmergencyAccessView? ActiveEmergency, int MaximumMinutes, int DefaultMinutes);
