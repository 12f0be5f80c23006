using CareWorkspace.Domain.Organisations;
using CareWorkspace.Domain.Patients;

namespace CareWorkspace.Infrastructure.NationalServices;

/// <summary>A MedCom hospital notification as CareWorkspace reads it: who, which hospital (by SOR), admitted or discharged, when.</summary>
public sealed record HospitalNotification(HospitalNotificationKind Kind, Cpr Cpr, SorCode HospitalSor, string HospitalName, DateTimeOffset At);

public enum HospitalNotificationKind
{
    Admission,
    Discharge,

    /// <summary>Leave, a correction (entered in error) and the like: read, but nothing is recorded for it.</summary>
    Other,
}
