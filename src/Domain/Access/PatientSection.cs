namespace CareWorkspace.Domain.Access;

/// <summary>A part of a patient's record; consent scopes are granted per section.</summary>
public enum PatientSection
{
    MasterData,
    CareTeam,
    Conditions,
    Relatives,
    Messages,
    Timeline,

    /// <summary>Who is viewing the pathway right now (not stored data, but still only for those with access).</summary>
    Presence,

    /// <summary>The patient's consents to relatives: who may follow the pathway, which sections, until when.</summary>
    Consents,

    /// <summary>The joint calendar: appointments with the hospital, the GP and the municipality.</summary>
    Calendar,

    /// <summary>The patient's care plans for chronic conditions: goals agreed with the patient and each sector's activities.</summary>
    CarePlan,
    /// <summary>The rehabilitation plan after discharge and the training sessions the patient logs against it.</summary>
    Rehabilitation,

    /// <summary>Municipal early detection: the change forms recorded at visits, the triage colour and the unit's action plans.</summary>
    Triage,

    /// <summary>The patient's medications: from the Shared Medication Record (imported, read-only) and, later, local prescribing.</summary>
    Medication,
    /// <summary>Home measurements from the national telemedicine infrastructure (read-only here: they change only at the source).</summary>
    Measurements,

    /// <summary>Giving medication in a care home or treatment centre: the day's scheduled doses and what staff recorded for each.</summary>
    MedicationAdministration,

    /// <summary>The patient's access log: who has read or changed the record, when and why (the patient's own control).</summary>
    AccessLog,
}
