namespace CareWorkspace.Domain.Measurements;

/// <summary>What a home measurement measures; one chart per kind. <see cref="Other"/> keeps the source's own name.</summary>
public enum MeasurementKind
{
    OxygenSaturation,
    Pulse,
    BodyWeight,
    Fev1,
    BodyTemperature,
    Other,
}
