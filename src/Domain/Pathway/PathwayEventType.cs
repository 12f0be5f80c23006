namespace CareWorkspace.Domain.Pathway;

public enum PathwayEventType
{
    Admission,
    Discharge,
    Appointment,
    PlanChange,
    Message,
    TeamChange,
}
