using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Common;

namespace CareWorkspace.Domain.Blocks;

/// <summary>
/// "Værdispring": a clinician breaks the glass on one patient's blocked data for a vital reason, for a limited time.
/// Every access under it is recorded as emergency access with the reason, and the patient is told.
/// </summary>
public sealed class EmergencyAccess : AggregateRoot
{
    public const int ReasonMaxLength = 500;
    public const int NameMaxLength = 200;
    public const int MinimumReasonLength = 10;

    /// <summary>What the access record of breaking the glass itself says (it is not something looked at under it).</summary>
    public const string StartedRecordWhat = "Started emergency access";

    /// <summary>What the access record of ending it early says (an ordinary record: nothing was looked at under it).</summary>
    public const string EndedRecordWhat = "Ended emergency access early";

    public Guid PatientId { get; private set; }
    public string ClinicianUserId { get; private set; } = "";
    public string ClinicianName { get; private set; } = "";
    public Guid OrganisationId { get; private set; }
    public string? OrganisationName { get; private set; }
    public string Reason { get; private set; } = "";
    public DateTimeOffset StartedAt { get; private set; }
    public DateTimeOffset EndsAt { get; private set; }

    /// <summary>When the patient was told (after it started); null until then.</summary>
    public DateTimeOffset? PatientToldAt { get; private set; }

    /// <summary>When the patient was sent the summary of what was looked at, after it ended; null until then (sent once).</summary>
    public DateTimeOffset? SummarisedAt { get; private set; }

    private EmergencyAccess() { }

    /// <param name="duration">Null for the rules' default (two hours).</param>
    public EmergencyAccess(Guid patientId, Actor clinician, string? reason, DateTimeOffset at, TimeSpan? duration, EmergencyAccessRules rules)
    {
        ArgumentNullException.ThrowIfNull(clinician);
        ArgumentNullException.ThrowIfNull(rules);
        if (patientId == Guid.Empty)
            throw new DomainException("Emergency access is for one patient.");
        if (!MayBeTakenBy(clinician))
            throw new DomainException("Only a clinician of an organisation on the care team can use emergency access.");
        var why = Guard.Required(reason, "Reason for emergency access", ReasonMaxLength);
        if (why.Length < MinimumReasonLength)
            throw new DomainException("Write the vital reason for emergency access in at least {0} characters.", MinimumReasonLength);
        var length = duration ?? rules.DefaultDuration;
        if (length <= TimeSpan.Zero)
            throw new DomainException("Emergency access must last a while: choose a duration.");
        if (length > rules.MaximumDuration)
            throw new DomainException("Emergency access can last at most {0} minutes.", (int)rules.MaximumDuration.TotalMinutes);

        PatientId = patientId;
        ClinicianUserId = clinician.UserId;
        ClinicianName = Guard.Required(clinician.DisplayName, "Clinician", NameMaxLength);
        OrganisationId = clinician.OrganisationId!.Value;
        OrganisationName = Guard.Optional(clinician.OrganisationName, "Organisation", NameMaxLength);
        Reason = why;
        StartedAt = at;
        EndsAt = at + length;
    }

    /// <summary>Clinicians who may need blocked data for a vital reason: hospital doctors, GPs and municipal nurses, for their organisation.</summary>
    public static bool MayBeTakenBy(Actor actor) =>
        actor.OrganisationId is not null && actor.Role is UserRole.HospitalClinician or UserRole.GeneralPractitioner or UserRole.MunicipalNurse;

    public bool IsActiveAt(DateTimeOffset now) => StartedAt <= now && now < EndsAt;

    public bool IsFor(Actor actor) => actor.UserId == ClinicianUserId && actor.OrganisationId == OrganisationId;

    public TimeSpan TimeLeftAt(DateTimeOffset now) => IsActiveAt(now) ? EndsAt - now : TimeSpan.Zero;

    public void PatientTold(DateTimeOffset at) => PatientToldAt ??= at;

    public bool HasEndedAt(DateTimeOffset now) => now >= EndsAt;

    /// <summary>The clinician no longer needs it: it ends now rather than at its time limit.</summary>
    public void EndEarly(DateTimeOffset at)
    {
        if (!IsActiveAt(at))
            throw new DomainException("Emergency access has already ended.");
        EndsAt = at;
    }

    /// <summary>The summary was sent; a window is summarised exactly once, and only after it has ended.</summary>
    public void MarkSummarised(DateTimeOffset at)
    {
        if (!HasEndedAt(at))
            throw new DomainException("Emergency access is summarised for the patient only after it has ended.");
        if (SummarisedAt is not null)
            throw new DomainException("This emergency access has already been summarised for the patient.");
        SummarisedAt = at;
    }
}
