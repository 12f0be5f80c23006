namespace CareWorkspace.Domain.Messaging;

public enum MessageCategory
{
    Medication,
    Discharge,
    Rehabilitation,
    Practical,
    Other,
}
