using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Common;
using CareWorkspace.Domain.Organisations;

namespace CareWorkspace.Domain.Blocks;

/// <summary>
/// The patient's negative consent: a section or one item of the record is not shared with an audience (chosen
/// organisations or sectors, or everyone outside the organisation that recorded the item). Made by the patient, or by
/// staff acting for the patient with a reason. Lifting it keeps it, so the history of what was blocked stays.
/// Decided in <see cref="PatientAccessPolicy"/>, so it holds in every channel.
/// </summary>
public sealed class SharingBlock : AggregateRoot
{
    public const int ReasonMaxLength = 500;
    public const int NameMaxLength = 200;

    private List<Guid> _organisationIds = [];
    private List<Sector> _sectors = [];

    public Guid PatientId { get; private set; }

    public PatientSection? Section { get; private set; }
    public BlockedItemKind? ItemKind { get; private set; }
    public Guid? ItemId { get; private set; }
    public Guid? RecordedByOrganisationId { get; private set; }

    /// <summary>What the patient called the item when blocking it (e.g. "Admission 3 March"), so their list reads well.</summary>
    public string? ItemLabel { get; private set; }

    public BlockAudienceKind AudienceKind { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
    public string CreatedByUserId { get; private set; } = "";
    public string CreatedByName { get; private set; } = "";

    /// <summary>True when the patient made the block themselves; false when staff made it for them (with <see cref="CreatedReason"/>).</summary>
    public bool CreatedByPatient { get; private set; }
    public string? CreatedReason { get; private set; }

    public DateTimeOffset? LiftedAt { get; private set; }
    public string? LiftedByName { get; private set; }
    public string? LiftedReason { get; private set; }

    private SharingBlock() { }

    /// <param name="patientUserId">The patient's own user id: the block is the patient's when <paramref name="by"/> is that user.</param>
    public SharingBlock(Guid patientId, string? patientUserId, BlockTarget? target, BlockAudience? audience, Actor by, DateTimeOffset at,
        string? reason = null, string? itemLabel = null)
    {
        if (patientId == Guid.Empty)
            throw new DomainException("A block belongs to a patient.");
        if (target is null)
            throw new DomainException("A block needs a target: a whole section or one item.");
        if (audience is null)
            throw new DomainException("A block needs an audience: organisations, sectors, or everyone outside the recording organisation.");
        if (target.IsSection && audience.Kind == BlockAudienceKind.OutsideRecordingOrganisation)
            throw new DomainException("A whole section has no single recording organisation: choose organisations or sectors.");
        ArgumentNullException.ThrowIfNull(by);
        var byPatient = by.Role == UserRole.Patient && patientUserId is not null && by.UserId == patientUserId;
        CreatedReason = Guard.Optional(reason, "Reason", ReasonMaxLength);
        if (!byPatient)
        {
            if (!by.IsHealthProfessional)
                throw new DomainException("Only the patient, or staff acting for the patient, can block sharing.");
            if (CreatedReason is null)
                throw new DomainException("Staff acting for the patient must give a reason for the block.");
        }

        PatientId = patientId;
        Section = target.Section;
        ItemKind = target.ItemKind;
        ItemId = target.ItemId;
        RecordedByOrganisationId = target.RecordedByOrganisationId;
        ItemLabel = Guard.Optional(itemLabel, "Item", NameMaxLength);
        AudienceKind = audience.Kind;
        _organisationIds = [.. audience.OrganisationIds];
        _sectors = [.. audience.Sectors];
        CreatedAt = at;
        CreatedByUserId = by.UserId;
        CreatedByName = Guard.Required(by.DisplayName, "Blocked by", NameMaxLength);
        CreatedByPatient = byPatient;
    }

    public BlockTarget Target => BlockTarget.From(Section, ItemKind, ItemId, RecordedByOrganisationId);

    public BlockAudience Audience => AudienceKind switch
    {
        BlockAudienceKind.Organisations => BlockAudience.Organisations(_organisationIds),
        BlockAudienceKind.Sectors => BlockAudience.InSectors(_sectors),
        _ => BlockAudience.OutsideRecordingOrganisation(),
    };

    public IReadOnlyList<Guid> OrganisationIds => _organisationIds;
    public IReadOnlyList<Sector> Sectors => _sectors;

    public bool IsActive => LiftedAt is null;

    public void Lift(Actor by, DateTimeOffset at, string? patientUserId, string? reason = null)
    {
        ArgumentNullException.ThrowIfNull(by);
        if (!IsActive)
            throw new DomainException("The block has already been lifted.");
        var byPatient = by.Role == UserRole.Patient && patientUserId is not null && by.UserId == patientUserId;
        var why = Guard.Optional(reason, "Reason", ReasonMaxLength);
        if (!byPatient)
        {
            if (!by.IsHealthProfessional)
                throw new DomainException("Only the patient, or staff acting for the patient, can lift a block.");
            if (why is null)
                throw new DomainException("Staff acting for the patient must give a reason for lifting the block.");
        }
        LiftedAt = at;
        LiftedByName = Guard.Required(by.DisplayName, "Lifted by", NameMaxLength);
        LiftedReason = why;
        Touch();
    }
}
