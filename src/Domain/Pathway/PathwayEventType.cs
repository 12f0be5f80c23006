namespace CareWorkspace.Domain.Pathway;

public enum PathwayEventType
{
    Admission,
    Discharge,
    Appointment,
    PlanChange,
    Message,
    TeamChange,

    /// <summary>A change to the medication record (e.g. the allergy register): shown only to viewers who may read the medication.</summary>
    Medication,
}
