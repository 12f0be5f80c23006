namespace CareWorkspace.Domain.Triage;

/// <summary>
/// NEWS2's oxygen saturation scales: scale 1 for everyone, scale 2 only for a citizen with hypercapnic respiratory
/// failure (e.g. COPD) whose target saturation of 88–92 % a clinician has set.
/// </summary>
public enum SpO2Scale
{
    Scale1 = 1,
    Scale2 = 2,
}
