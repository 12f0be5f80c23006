using CareWorkspace.Domain.Access;

namespace CareWorkspace.Domain.Audit;

/// <summary>
/// One use of a patient's data, kept for the patient's access log (modelled on FHIR AuditEvent / IHE BALP).
/// Append-only: nothing updates or deletes a record.
/// </summary>
public sealed class AccessRecord
{
    public long Id { get; private set; }
    public DateTimeOffset At { get; private set; }
    public string UserId { get; private set; } = "";
    public string UserDisplayName { get; private set; } = "";
    public UserRole Role { get; private set; }
    public Guid? OrganisationId { get; private set; }
    public string? OrganisationName { get; private set; }
    public Guid? PatientId { get; private set; }
    public PatientSection Section { get; private set; }
    public string What { get; private set; } = "";
    public AccessAction Action { get; private set; }
    public bool Allowed { get; private set; }
    public string Reason { get; private set; } = "";

    /// <summary>The access was made under emergency access (breaking the glass on data the patient blocked); the patient is told.</summary>
    public bool EmergencyAccess { get; private set; }

    private AccessRecord() { }

    public AccessRecord(DateTimeOffset at, Actor actor, Guid? patientId, PatientSection section, string what, AccessAction action, bool allowed, string reason,
        bool emergencyAccess = false)
    {
        At = at;
        UserId = actor.UserId;
        UserDisplayName = actor.DisplayName;
        Role = actor.Role;
        OrganisationId = actor.OrganisationId;
        OrganisationName = actor.OrganisationName;
        PatientId = patientId;
        Section = section;
        What = what.Length > 300 ? what[..300] : what;
        Action = action;
        Allowed = allowed;
        Reason = reason.Length > 500 ? reason[..500] : reason;
        EmergencyAccess = emergencyAccess;
    }
}
