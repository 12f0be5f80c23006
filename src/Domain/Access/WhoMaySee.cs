using CareWorkspace.Domain.Blocks;

namespace CareWorkspace.Domain.Access;

/// <summary>
/// Who may see a change to a section of a patient's record, as <see cref="AudienceKey"/>s, worked out by the service
/// that made the change from the relationship it already loaded. It may name too many (every organisation on the
/// care team, whatever each role may read), never too few: each listener still reads under its own authorisation.
/// </summary>
public static class WhoMaySee
{
    public static IReadOnlyList<AudienceKey> Change(PatientRelationship patient, PatientSection section, Audience audience)
    {
        var keys = new List<AudienceKey>();
        if (audience.HasFlag(Audience.CareTeam))
        {
            keys.AddRange(patient.ActiveCareTeamOrganisationIds.Distinct()
                .Where(organisation => PatientAccessPolicy.SectionReachesOrganisation(patient, section, organisation))
                .Select(AudienceKey.ForOrganisation));
        }
        if (audience.HasFlag(Audience.Patient) && patient.PatientUserId is { } patientUserId
            && MayRead(new Actor(patientUserId, "", UserRole.Patient, null, null), patient, section))
            keys.Add(AudienceKey.ForUser(patientUserId));
        if (audience.HasFlag(Audience.Relatives))
        {
            keys.AddRange(patient.Consents.Select(c => c.RelativeUserId).Distinct()
                .Where(relative => MayRead(new Actor(relative, "", UserRole.Relative, null, null), patient, section))
                .Select(AudienceKey.ForUser));
        }
        return keys;
    }

    /// <summary>Like <see cref="Change"/> for a change to one item: organisations the patient blocked the item from are left out.</summary>
    public static IReadOnlyList<AudienceKey> ItemChange(PatientRelationship patient, PatientSection section, Audience audience,
        BlockedItemKind kind, Guid itemId, Guid? recordedByOrganisationId)
    {
        var blockedOrganisations = patient.ActiveCareTeamOrganisationIds
            .Where(organisation => !PatientAccessPolicy.ItemReachesOrganisation(patient, kind, itemId, recordedByOrganisationId, organisation))
            .Select(AudienceKey.ForOrganisation)
            .ToHashSet();
        return [.. Change(patient, section, audience).Where(key => !blockedOrganisations.Contains(key))];
    }

    /// <summary>
    /// Like <see cref="ItemChange"/> for an entry about items (a timeline event about an appointment or a series): left out
    /// are organisations any of the items is blocked from and, for appointments, whoever may not read the calendar.
    /// </summary>
    public static IReadOnlyList<AudienceKey> EntryAbout(PatientRelationship patient, PatientSection section, Audience audience,
        BlockedItemKind kind, IReadOnlyCollection<Guid> itemIds, Guid? recordedByOrganisationId)
    {
        var blockedOrganisations = patient.ActiveCareTeamOrganisationIds
            .Where(organisation => itemIds.Any(id => !PatientAccessPolicy.ItemReachesOrganisation(patient, kind, id, recordedByOrganisationId, organisation)))
            .Select(AudienceKey.ForOrganisation)
            .ToHashSet();
        var keys = Change(patient, section, audience).Where(key => !blockedOrganisations.Contains(key));
        if (kind == BlockedItemKind.Appointment)
            keys = keys.Intersect(Change(patient, PatientSection.Calendar, audience));
        return [.. keys];
    }

    private static bool MayRead(Actor actor, PatientRelationship patient, PatientSection section) =>
        PatientAccessPolicy.Decide(actor, patient, AccessAction.Read, section).Allowed;
}
