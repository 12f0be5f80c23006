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
                    return IsReading(action) || WritesMessage(action, section)
                        ? AccessDecision.Allow("The patient's own record.")
                        : AccessDecision.Deny("Patients can read their own record and write messages, but not change the record here.");
                return AccessDecision.Deny("A patient may only see their own record.");

            case UserRole.Relative:
                var consents = patient.Consents.Where(c => c.PatientId == patient.PatientId && c.RelativeUserId == actor.UserId && c.IsActive).ToList();
                if (consents.Count == 0)
                    return AccessDecision.Deny("There is no active consent from the patient for this relative.");
                if (!IsReading(action) && !WritesMessage(action, section))
                    return AccessDecision.Deny("Relatives can follow the pathway and write messages, but not change the record.");
                return consents.Any(c => c.Grants(section))
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

    private static bool IsReading(AccessAction action) => action is AccessAction.Read or AccessAction.Search;

    // Patients and relatives may write in threads shared with them; the thread itself checks the sharing.
    private static bool WritesMessage(AccessAction action, PatientSection section) =>
        section == PatientSection.Messages && action == AccessAction.Create;
}
