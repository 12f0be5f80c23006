namespace CareWorkspace.Domain.Access;

/// <summary>
/// The one rule for "may this user do this action on this section of this patient" (Health Act § 42 a):
/// first the relationship (care team today, own record, an active consent granting the section),
/// then what the user's role may do in that section (<see cref="AccessMatrix"/>).
/// Last the patient's blocks (negative consent) and a clinician's emergency access to them, so every service keeps
/// asking the same question (see PatientAccessPolicy.Blocks.cs).
/// </summary>
public static partial class PatientAccessPolicy
{
    /// <param name="owningOrganisationId">
    /// For a change to one item (a care-team membership), the organisation the item belongs to: roles that may only
    /// change their own organisation's items are allowed when it is theirs.
    /// </param>
    public static AccessDecision Decide(Actor actor, PatientRelationship patient, AccessAction action, PatientSection section,
        Guid? owningOrganisationId = null)
    {
        var relationship = DecideRelationship(actor, patient, section);
        if (!relationship.Allowed)
            return relationship;
        var permission = AccessMatrix.For(actor.Role, section);
        return Permits(permission, action, actor.OrganisationId, owningOrganisationId)
            ? DecideSectionBlock(actor, patient, section) ?? relationship
            : Refusal(actor.Role, action, section, permission);
    }

    /// <summary>
    /// The section under which opening the record is asked and logged: personal details when readable, otherwise the
    /// first section the user may read (a relative whose consent covers only the timeline still sees whose record it is).
    /// With nothing readable it is personal details, so the refusal is asked and logged there.
    /// </summary>
    public static PatientSection EntrySection(IReadOnlySet<PatientSection> readable) =>
        readable.Contains(PatientSection.MasterData) || readable.Count == 0
            ? PatientSection.MasterData
            : Enum.GetValues<PatientSection>().First(readable.Contains);

    /// <summary>May the actor see any part of the patient's record at all (e.g. stay joined to live notices)?</summary>
    public static AccessDecision DecideAnyRead(Actor actor, PatientRelationship patient)
    {
        AccessDecision? refusal = null;
        foreach (var section in Enum.GetValues<PatientSection>())
        {
            var decision = Decide(actor, patient, AccessAction.Read, section);
            if (decision.Allowed)
                return decision;
            refusal ??= decision;
        }
        return refusal ?? AccessDecision.Deny("No section of the record is readable.");
    }

    private static AccessDecision DecideRelationship(Actor actor, PatientRelationship patient, PatientSection section)
    {
        switch (actor.Role)
        {
            case UserRole.Administrator:
                return AccessDecision.Deny("Administrators manage users and organisations and see no clinical data.");

            case UserRole.System:
                // A job may touch any patient's record, but its column in the matrix gives it only what the jobs need.
                return AccessDecision.Allow("A scheduled job of the system.");

            case UserRole.Patient:
                return patient.PatientUserId is not null && patient.PatientUserId == actor.UserId
                    ? AccessDecision.Allow("The patient's own record.")
                    : AccessDecision.Deny("A patient may only see their own record.");

            case UserRole.Relative:
                var consents = patient.Consents
                    .Where(c => c.PatientId == patient.PatientId && c.RelativeUserId == actor.UserId && c.IsActiveAt(patient.AsOf))
                    .ToList();
                if (consents.Count == 0)
                    return AccessDecision.Deny("There is no active consent from the patient for this relative.");
                return consents.Any(c => c.GrantsAt(section, patient.AsOf))
                    ? AccessDecision.Allow("Relative with the patient's consent.")
                    : AccessDecision.Deny("The patient's consent does not include {0}.", section);

            case UserRole.HospitalClinician:
            case UserRole.GeneralPractitioner:
            case UserRole.GpStaff:
            case UserRole.MunicipalNurse:
            case UserRole.MunicipalCareWorker:
            case UserRole.Physiotherapist:
            case UserRole.Coordinator:
                return actor.OrganisationId is { } org && patient.ActiveCareTeamOrganisationIds.Contains(org)
                    ? AccessDecision.Allow("The user's organisation is on the patient's care team.")
                    : AccessDecision.Deny("The user's organisation is not on the patient's care team.");

            default:
                return AccessDecision.Deny("Unknown role.");
        }
    }

    private static bool Permits(Permission permission, AccessAction action, Guid? actorOrganisationId, Guid? owningOrganisationId)
    {
        var own = owningOrganisationId is { } owner && actorOrganisationId == owner;
        return action switch
        {
            AccessAction.Read => permission.HasFlag(Permission.Read),
            AccessAction.Search => permission.HasFlag(Permission.Search),
            AccessAction.Create => permission.HasFlag(Permission.Create),
            AccessAction.Update => permission.HasFlag(Permission.UpdateAny) || (own && permission.HasFlag(Permission.UpdateOwn)),
            AccessAction.Delete => permission.HasFlag(Permission.DeleteAny) || (own && permission.HasFlag(Permission.DeleteOwn)),
            _ => false,
        };
    }

    private static AccessDecision Refusal(UserRole role, AccessAction action, PatientSection section, Permission permission)
    {
        var ownOnly = action switch
        {
            AccessAction.Update => permission.HasFlag(Permission.UpdateOwn),
            AccessAction.Delete => permission.HasFlag(Permission.DeleteOwn),
            _ => false,
        };
        // One sentence per action rather than a verb slotted in, so that each language can word it naturally.
        var template = (ownOnly, action) switch
        {
            (true, AccessAction.Update) => "The role {0} may change {1} only for its own organisation.",
            (true, _) => "The role {0} may remove from {1} only for its own organisation.",
            (_, AccessAction.Read) => "The role {0} may not read {1}.",
            (_, AccessAction.Search) => "The role {0} may not search {1}.",
            (_, AccessAction.Create) => "The role {0} may not add to {1}.",
            (_, AccessAction.Update) => "The role {0} may not change {1}.",
            _ => "The role {0} may not remove from {1}.",
        };
        return AccessDecision.Deny(template, role, section);
    }
}
