namespace CareWorkspace.Domain.Triage;

/// <summary>One vital sign of the change form, as scored and checked one by one.</summary>
public enum VitalSign
{
    Pulse,
    RespiratoryRate,
    SystolicBloodPressure,
    Temperature,
    OxygenSaturation,
    OnOxygen,
    Consciousness,
}
