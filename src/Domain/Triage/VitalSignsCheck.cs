namespace CareWorkspace.Domain.Triage;

/// <summary>
/// Physiological plausibility of entered vital signs: <see cref="Refused"/> values cannot be a living citizen's (a typing
/// error: pulse 400, 50 °C, 120 % saturation, anything negative) and are never saved; <see cref="Unusual"/> values are
/// possible but rare, and are saved only once the worker has confirmed them (docs/triage.md lists the limits).
/// </summary>
public sealed record VitalSignsCheck(IReadOnlyList<VitalSignProblem> Refused, IReadOnlyList<VitalSignProblem> Unusual)
{
    public const int PulseMin = 20, PulseMax = 300, PulseUsualMin = 35, PulseUsualMax = 180;
    public const int RespiratoryRateMin = 1, RespiratoryRateMax = 80, RespiratoryRateUsualMin = 6, RespiratoryRateUsualMax = 40;
    public const int SystolicMin = 40, SystolicMax = 300, SystolicUsualMin = 70, SystolicUsualMax = 240;
    public const decimal TemperatureMin = 25.0m, TemperatureMax = 45.0m, TemperatureUsualMin = 34.0m, TemperatureUsualMax = 41.0m;
    public const int SaturationMin = 40, SaturationMax = 100, SaturationUsualMin = 80;

    public bool IsAcceptable => Refused.Count == 0;

    public VitalSignProblem? RefusedFor(VitalSign field) => Refused.FirstOrDefault(p => p.Field == field);

    public VitalSignProblem? UnusualFor(VitalSign field) => Unusual.FirstOrDefault(p => p.Field == field);

    /// <summary>The unusual values not among <paramref name="confirmed"/>: saving waits for these.</summary>
    public IReadOnlyList<VitalSignProblem> Unconfirmed(IReadOnlyCollection<VitalSign> confirmed) =>
        Unusual.Where(p => !confirmed.Contains(p.Field)).ToList();

    public static VitalSignsCheck Of(VitalSigns vitals)
    {
        var refused = new List<VitalSignProblem>();
        var unusual = new List<VitalSignProblem>();
        Whole(vitals.Pulse, VitalSign.Pulse, PulseMin, PulseMax, PulseUsualMin, PulseUsualMax,
            "A pulse of {0} /min is not possible: enter a value from {1} to {2}.",
            "A pulse of {0} /min is unusual: check it and confirm.", refused, unusual);
        Whole(vitals.RespiratoryRate, VitalSign.RespiratoryRate, RespiratoryRateMin, RespiratoryRateMax, RespiratoryRateUsualMin,
            RespiratoryRateUsualMax, "A respiratory rate of {0} /min is not possible: enter a value from {1} to {2}.",
            "A respiratory rate of {0} /min is unusual: check it and confirm.", refused, unusual);
        Whole(vitals.SystolicBloodPressure, VitalSign.SystolicBloodPressure, SystolicMin, SystolicMax, SystolicUsualMin, SystolicUsualMax,
            "A systolic blood pressure of {0} mmHg is not possible: enter a value from {1} to {2}.",
            "A systolic blood pressure of {0} mmHg is unusual: check it and confirm.", refused, unusual);
        Whole(vitals.OxygenSaturation, VitalSign.OxygenSaturation, SaturationMin, SaturationMax, SaturationUsualMin, SaturationMax,
            "An oxygen saturation of {0} % is not possible: enter a value from {1} to {2}.",
            "An oxygen saturation of {0} % is unusual: check it and confirm.", refused, unusual);
        if (vitals.Temperature is { } celsius)
        {
            if (celsius is < TemperatureMin or > TemperatureMax)
                refused.Add(new(VitalSign.Temperature, "A temperature of {0} °C is not possible: enter a value from {1} to {2}.",
                    celsius, TemperatureMin, TemperatureMax));
            else if (celsius is < TemperatureUsualMin or > TemperatureUsualMax)
                unusual.Add(new(VitalSign.Temperature, "A temperature of {0} °C is unusual: check it and confirm.", celsius));
        }
        return new VitalSignsCheck(refused, unusual);
    }

    private static void Whole(int? value, VitalSign field, int min, int max, int usualMin, int usualMax, string impossible, string rare,
        List<VitalSignProblem> refused, List<VitalSignProblem> unusual)
    {
        if (value is not { } v)
            return;
        if (v < min || v > max)
            refused.Add(new(field, impossible, v, min, max));
        else if (v < usualMin || v > usualMax)
            unusual.Add(new(field, rare, v));
    }
}
