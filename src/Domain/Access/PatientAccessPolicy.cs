namespace CareWorkspace.Domain.Access;

/// <summary>
/// The one rule for "may this user do this action on this section of this patient" (Health Act § 42 a).
/// Later rules (blocks, emergency access) belong here too, so every service keeps asking the same question.
/// </summary>
public static class PatientAccessPolicy
{
    public static AccessDecision Decide(Actor actor, PatientRelationship patient, AccessAction action, PatientSection section)
    {
        switch (actor.Role)
        {
            case UserRole.Administrator:
                return AccessDecision.Deny("Administrators manage users and organisations and see no clinical data.");

            case UserRole.Patient:
                if (patient.PatientUserId is not null && patient.PatientUserId == actor.UserId)
                    return action is AccessAction.Read or AccessAction.Search
                        ? AccessDecision.Allow("The patient's own record.")
                        : AccessDecision.Deny("Patients can read their own record but not change it here.");
                return AccessDecision.Deny("A patient may only see their own record.");

            case UserRole.Relative:
                var consent = patient.Consents.FirstOrDefault(c => c.RelativeUserId == actor.UserId && c.IsActive);
                if (consent is null)
                    return AccessDecision.Deny("There is no active consent from the patient for this relative.");
                if (action is not (AccessAction.Read or AccessAction.Search))
                    return AccessDecision.Deny("Relatives can follow the pathway but not change the record.");
                return consent.Grants(section)
                    ? AccessDecision.Allow("Relative with the patient's consent.")
                    : AccessDecision.Deny($"The patient's consent does not include {section}.");

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
}
