namespace CareWorkspace.Domain.Triage;

/// <summary>The points one vital sign scored in an early-warning score.</summary>
public sealed record ParameterScore(VitalSign Parameter, int Points);
