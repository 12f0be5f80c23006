namespace CareWorkspace.Domain.Triage;

/// <summary>
/// The National Early Warning Score 2 (Royal College of Physicians, 2017), band by band as published. Whole-number
/// parameters have no gaps; a temperature between the published one-decimal bands belongs to the band below the next
/// edge (35.05 scores as 35.1–36.0), see docs/triage.md.
/// </summary>
public static class News2
{
    private const int ParameterCount = 7;

    /// <summary>The score of the measured vital signs, or null when nothing was measured.</summary>
    public static EarlyWarningScore? Score(VitalSigns vitals)
    {
        if (!vitals.AnyMeasured)
            return null;
        return EarlyWarningScore.Of(
        [
            vitals.RespiratoryRate is { } rate ? new(VitalSign.RespiratoryRate, RespiratoryRate(rate)) : null,
            vitals.OxygenSaturation is { } saturation ? new(VitalSign.OxygenSaturation, OxygenSaturation(saturation, vitals.Scale, vitals.OnOxygen)) : null,
            new(VitalSign.OnOxygen, AirOrOxygen(vitals.OnOxygen)),
            vitals.SystolicBloodPressure is { } pressure ? new(VitalSign.SystolicBloodPressure, SystolicBloodPressure(pressure)) : null,
            vitals.Pulse is { } pulse ? new(VitalSign.Pulse, Pulse(pulse)) : null,
            vitals.Consciousness is { } consciousness ? new(VitalSign.Consciousness, Consciousness(consciousness)) : null,
            vitals.Temperature is { } temperature ? new(VitalSign.Temperature, Temperature(temperature)) : null,
        ], ParameterCount);
    }

    public static int RespiratoryRate(int perMinute) => perMinute switch
    {
        <= 8 => 3,
        <= 11 => 1,
        <= 20 => 0,
        <= 24 => 2,
        _ => 3,
    };

    public static int OxygenSaturation(int percent, SpO2Scale scale, bool onOxygen) => scale switch
    {
        SpO2Scale.Scale2 => Scale2(percent, onOxygen),
        _ => percent switch
        {
            <= 91 => 3,
            <= 93 => 2,
            <= 95 => 1,
            _ => 0,
        },
    };

    private static int Scale2(int percent, bool onOxygen) => percent switch
    {
        <= 83 => 3,
        <= 85 => 2,
        <= 87 => 1,
        <= 92 => 0,
        // On air a saturation of 93 % or more is the citizen's target or better.
        _ when !onOxygen => 0,
        <= 94 => 1,
        <= 96 => 2,
        _ => 3,
    };

    public static int AirOrOxygen(bool onOxygen) => onOxygen ? 2 : 0;

    public static int SystolicBloodPressure(int mmHg) => mmHg switch
    {
        <= 90 => 3,
        <= 100 => 2,
        <= 110 => 1,
        <= 219 => 0,
        _ => 3,
    };

    public static int Pulse(int perMinute) => perMinute switch
    {
        <= 40 => 3,
        <= 50 => 1,
        <= 90 => 0,
        <= 110 => 1,
        <= 130 => 2,
        _ => 3,
    };

    /// <summary>NEWS2's "C" is new-onset confusion, disorientation or agitation (delirium): TOBS's "agitated" scores as it.</summary>
    public static int Consciousness(Consciousness level) => level == Triage.Consciousness.Alert ? 0 : 3;

    public static int Temperature(decimal celsius) => celsius switch
    {
        <= 35.0m => 3,
        <= 36.0m => 1,
        <= 38.0m => 0,
        <= 39.0m => 1,
        _ => 2,
    };
}
