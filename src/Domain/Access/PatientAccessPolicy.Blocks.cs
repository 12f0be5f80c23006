using CareWorkspace.Domain.Blocks;
using CareWorkspace.Domain.Organisations;

namespace CareWorkspace.Domain.Access;

/// <summary>
/// The patient's blocks: a blocked section is refused to the blocked organisations, a blocked item is left out for them,
/// unless the clinician has active emergency access to the patient (then it is allowed and marked as emergency access).
/// Blocks are about sharing with organisations: the patient, relatives (whose consent governs them) and the system's
/// jobs are not blocked, and neither is the organisation that recorded a blocked item.
/// </summary>
public static partial class PatientAccessPolicy
{
    /// <summary>
    /// The item rule for services listing items: may the actor see this item? The section has already been decided.
    /// <paramref name="recordedByOrganisationId"/> is the organisation that recorded the item, as the item itself says.
    /// </summary>
    public static AccessDecision DecideItem(Actor actor, PatientRelationship patient, BlockedItemKind kind, Guid itemId, Guid? recordedByOrganisationId)
    {
        if (BlockedOrganisation(actor) is not { } organisationId)
            return NotBlocked;
        if (recordedByOrganisationId == organisationId)
            return NotBlocked;
        var sector = SectorOf(patient, organisationId);
        var blocked = patient.Blocks.Any(b => b.IsActive && b.Target.Covers(kind, itemId) && KeepsItemFrom(b, organisationId, sector));
        return blocked ? BlockedUnlessEmergency(actor, patient, "The patient has blocked sharing of this item with your organisation.") : NotBlocked;
    }

    /// <summary>May the actor see this item (see <see cref="DecideItem"/>)?</summary>
    public static bool MaySeeItem(Actor actor, PatientRelationship patient, BlockedItemKind kind, Guid itemId, Guid? recordedByOrganisationId) =>
        DecideItem(actor, patient, kind, itemId, recordedByOrganisationId).Allowed;

    /// <summary>The items the actor may see, in their order: blocked ones are dropped (kept under emergency access).</summary>
    public static IReadOnlyList<T> VisibleItems<T>(Actor actor, PatientRelationship patient, BlockedItemKind kind, IEnumerable<T> items,
        Func<T, Guid> idOf, Func<T, Guid?> recordedByOf) =>
        [.. items.Where(item => MaySeeItem(actor, patient, kind, idOf(item), recordedByOf(item)))];

    /// <summary>
    /// The decision on every item of this kind the patient has blocked (for anyone), by item id, judged against the
    /// organisation each block says recorded it (taken from the item when the block was made). A query leaves out the
    /// ids that are not allowed, so counts and pages never include them; an allowed one may be allowed under emergency access.
    /// </summary>
    public static IReadOnlyDictionary<Guid, AccessDecision> BlockedItemDecisions(Actor actor, PatientRelationship patient, BlockedItemKind kind) =>
        patient.Blocks.Where(b => b.IsActive && b.ItemKind == kind && b.ItemId is not null)
            .GroupBy(b => b.ItemId!.Value)
            .ToDictionary(g => g.Key, g => DecideItem(actor, patient, kind, g.Key, g.First().RecordedByOrganisationId));

    /// <summary>The ids of the items of this kind the actor may not see (see <see cref="BlockedItemDecisions"/>).</summary>
    public static IReadOnlyList<Guid> HiddenItemIds(Actor actor, PatientRelationship patient, BlockedItemKind kind) =>
        [.. BlockedItemDecisions(actor, patient, kind).Where(d => !d.Value.Allowed).Select(d => d.Key)];

    /// <summary>
    /// The ids of the items of this kind left out of a copy the actor takes away (a PDF, an iCal file or feed, the FHIR
    /// API): those the actor may not see, and those seen only under emergency access, which is for looking at the record,
    /// not for copying it out of the workspace.
    /// </summary>
    public static IReadOnlyList<Guid> ItemIdsKeptOutOfCopies(Actor actor, PatientRelationship patient, BlockedItemKind kind) =>
        [.. BlockedItemDecisions(actor, patient, kind).Where(d => !d.Value.Allowed || d.Value.UnderEmergencyAccess).Select(d => d.Key)];

    /// <summary>Is this id an item (of any kind) the patient blocked from the actor? A live notice naming it is not sent to them.</summary>
    public static bool HidesItem(Actor actor, PatientRelationship patient, Guid itemId) =>
        patient.Blocks.Where(b => b.IsActive && b.ItemId == itemId && b.ItemKind is not null)
            .Any(b => !DecideItem(actor, patient, b.ItemKind!.Value, itemId, b.RecordedByOrganisationId).Allowed);

    /// <summary>
    /// Is an entry about these items (a timeline event about an appointment, or the appointments of a series) kept from the
    /// actor? When any of them is blocked from them, and for appointments when they may not read the calendar: a live
    /// notice of the entry is then not sent to them, as the timeline leaves the entry out.
    /// </summary>
    public static bool HidesEntryAbout(Actor actor, PatientRelationship patient, BlockedItemKind kind, IEnumerable<Guid> itemIds) =>
        itemIds.Any(id => HidesItem(actor, patient, id))
        || (kind == BlockedItemKind.Appointment && !Decide(actor, patient, AccessAction.Read, PatientSection.Calendar).Allowed);

    /// <summary>
    /// Does the patient keep something from the actor's organisation (a section or an item)? Staff are told "some
    /// information is blocked by the patient" without what. True also while the actor's emergency access lets them see it.
    /// </summary>
    public static bool HasInformationBlockedFor(Actor actor, PatientRelationship patient)
    {
        if (BlockedOrganisation(actor) is not { } organisationId)
            return false;
        var sector = SectorOf(patient, organisationId);
        return patient.Blocks.Any(b => b.IsActive && (b.Target.IsSection
            ? b.Audience.Includes(organisationId, sector)
            : b.RecordedByOrganisationId != organisationId && KeepsItemFrom(b, organisationId, sector)));
    }

    /// <summary>The actor's own emergency access to this patient, if it is active at the relationship's instant.</summary>
    public static EmergencyAccess? ActiveEmergencyAccess(Actor actor, PatientRelationship patient) =>
        patient.EmergencyAccesses.Where(e => e.PatientId == patient.PatientId && e.IsFor(actor) && e.IsActiveAt(patient.AsOf))
            .OrderByDescending(e => e.EndsAt)
            .FirstOrDefault();

    /// <summary>
    /// May an organisation's live notices about this section name it? It may name too many, never too few: an
    /// organisation blocked from the section is left out unless one of its clinicians has active emergency access.
    /// </summary>
    public static bool SectionReachesOrganisation(PatientRelationship patient, PatientSection section, Guid organisationId) =>
        !SectionBlockedFor(patient, section, organisationId) || HasEmergencyAccessInOrganisation(patient, organisationId);

    /// <summary>Like <see cref="SectionReachesOrganisation"/> for a notice about one item.</summary>
    public static bool ItemReachesOrganisation(PatientRelationship patient, BlockedItemKind kind, Guid itemId, Guid? recordedByOrganisationId, Guid organisationId)
    {
        if (recordedByOrganisationId == organisationId || HasEmergencyAccessInOrganisation(patient, organisationId))
            return true;
        var sector = SectorOf(patient, organisationId);
        return !patient.Blocks.Any(b => b.IsActive && b.Target.Covers(kind, itemId) && KeepsItemFrom(b, organisationId, sector));
    }

    private static readonly AccessDecision NotBlocked = AccessDecision.Allow("Not blocked by the patient.");

    /// <summary>Null when no block applies to the section; otherwise the refusal, or the allowance under emergency access.</summary>
    private static AccessDecision? DecideSectionBlock(Actor actor, PatientRelationship patient, PatientSection section)
    {
        if (BlockedOrganisation(actor) is not { } organisationId || !SectionBlockedFor(patient, section, organisationId))
            return null;
        return BlockedUnlessEmergency(actor, patient, "The patient has blocked sharing of {0} with your organisation.", section);
    }

    private static bool SectionBlockedFor(PatientRelationship patient, PatientSection section, Guid organisationId)
    {
        var sector = SectorOf(patient, organisationId);
        return patient.Blocks.Any(b => b.IsActive && b.Section == section && b.Audience.Includes(organisationId, sector));
    }

    private static AccessDecision BlockedUnlessEmergency(Actor actor, PatientRelationship patient, string template, params object?[] arguments) =>
        ActiveEmergencyAccess(actor, patient) is { } emergency
            ? AccessDecision.AllowUnderEmergency(emergency.Reason)
            : AccessDecision.Deny(template, arguments);

    private static bool KeepsItemFrom(SharingBlock block, Guid organisationId, Sector? sector) =>
        block.RecordedByOrganisationId != organisationId && block.Audience.Includes(organisationId, sector);

    private static bool HasEmergencyAccessInOrganisation(PatientRelationship patient, Guid organisationId) =>
        patient.EmergencyAccesses.Any(e => e.PatientId == patient.PatientId && e.OrganisationId == organisationId && e.IsActiveAt(patient.AsOf));

    /// <summary>The organisation a block is judged against: only professionals, who see the record through their organisation, are blocked.</summary>
    private static Guid? BlockedOrganisation(Actor actor) => actor.IsHealthProfessional ? actor.OrganisationId : null;

    private static Sector? SectorOf(PatientRelationship patient, Guid organisationId) =>
        patient.OrganisationSectors.TryGetValue(organisationId, out var sector) ? sector : null;
}
