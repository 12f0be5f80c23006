namespace CareWorkspace.Domain.Triage;

/// <summary>
/// The vital signs measured at a visit; each is optional (a routine visit may measure none). Pulse /min, respiratory
/// rate /min, systolic blood pressure mmHg, temperature °C (core, i.e. rectal or ear), oxygen saturation % on the
/// citizen's <see cref="Scale"/>, whether the citizen breathes supplemental oxygen.
/// </summary>
public sealed record VitalSigns(
    int? Pulse = null,
    int? RespiratoryRate = null,
    int? SystolicBloodPressure = null,
    decimal? Temperature = null,
    int? OxygenSaturation = null,
    bool OnOxygen = false,
    Consciousness? Consciousness = null,
    SpO2Scale Scale = SpO2Scale.Scale1)
{
    public static VitalSigns None { get; } = new();

    /// <summary>Whether any physiological parameter was measured ("on oxygen" alone is not a measurement).</summary>
    public bool AnyMeasured =>
        Pulse is not null || RespiratoryRate is not null || SystolicBloodPressure is not null || Temperature is not null
        || OxygenSaturation is not null || Consciousness is not null;
}
