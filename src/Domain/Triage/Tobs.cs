namespace CareWorkspace.Domain.Triage;

/// <summary>
/// TOBS (Tidlig Opsporing af Begyndende Sygdom), the Danish municipal early-warning score, from the published municipal
/// instructions. Its bands leave gaps (pulse 130 and 39, respiratory rate 25 and 8, systolic pressure 200 and 69,
/// temperatures between the one-decimal bands such as 33.95 or 37.95): a value in a gap scores as the neighbouring band
/// that scores more, the safer side for the citizen (docs/triage.md lists every gap). Temperature is core (rectal);
/// the form asks for it so, as the instructions add 0.5 °C to an oral and 1 °C to an axillary reading.
/// </summary>
public static class Tobs
{
    private const int ParameterCount = 5;

    /// <summary>The score of the measured vital signs, or null when none of TOBS's parameters was measured.</summary>
    public static EarlyWarningScore? Score(VitalSigns vitals)
    {
        if (vitals.Pulse is null && vitals.RespiratoryRate is null && vitals.SystolicBloodPressure is null
            && vitals.Temperature is null && vitals.Consciousness is null)
        {
            return null;
        }
        return EarlyWarningScore.Of(
        [
            vitals.Pulse is { } pulse ? new(VitalSign.Pulse, Pulse(pulse)) : null,
            vitals.RespiratoryRate is { } rate ? new(VitalSign.RespiratoryRate, RespiratoryRate(rate)) : null,
            vitals.Temperature is { } temperature ? new(VitalSign.Temperature, Temperature(temperature)) : null,
            vitals.SystolicBloodPressure is { } pressure ? new(VitalSign.SystolicBloodPressure, SystolicBloodPressure(pressure)) : null,
            vitals.Consciousness is { } consciousness ? new(VitalSign.Consciousness, Consciousness(consciousness)) : null,
        ], ParameterCount);
    }

    /// <summary>Published: &gt;130 → 3, 110–129 → 2, 90–109 → 1, 50–89 → 0, 40–49 → 1, &lt;39 → 2. Gaps: 130 → 3, 39 → 2.</summary>
    public static int Pulse(int perMinute) => perMinute switch
    {
        >= 130 => 3,
        >= 110 => 2,
        >= 90 => 1,
        >= 50 => 0,
        >= 40 => 1,
        _ => 2,
    };

    /// <summary>Published: &gt;25 → 3, 21–24 → 2, 12–20 → 0, 9–11 → 1, &lt;8 → 3. Gaps: 25 → 3, 8 → 3.</summary>
    public static int RespiratoryRate(int perMinute) => perMinute switch
    {
        >= 25 => 3,
        >= 21 => 2,
        >= 12 => 0,
        >= 9 => 1,
        _ => 3,
    };

    /// <summary>
    /// Published: &gt;40 → 3, 39–39.9 → 2, 38–38.9 → 1, 36–37.9 → 0, 34–35.9 → 2, &lt;33.9 → 3. Between the bands (above
    /// 39.9, 38.9 or 37.9; from 35.9 up to 36; from 33.9 up to 34) the higher neighbour counts.
    /// </summary>
    public static int Temperature(decimal celsius) => celsius switch
    {
        > 39.9m => 3,
        > 38.9m => 2,
        > 37.9m => 1,
        >= 36.0m => 0,
        >= 34.0m => 2,
        _ => 3,
    };

    /// <summary>Published: &gt;200 → 2, 100–199 → 0, 80–99 → 1, 70–79 → 2, &lt;69 → 3. Gaps: 200 → 2, 69 → 3.</summary>
    public static int SystolicBloodPressure(int mmHg) => mmHg switch
    {
        >= 200 => 2,
        >= 100 => 0,
        >= 80 => 1,
        >= 70 => 2,
        _ => 3,
    };

    /// <summary>Published: agitated 1, usual 0, voice 1, pain 2, none 3. New confusion scores as agitated (urolig/konfus).</summary>
    public static int Consciousness(Consciousness level) => level switch
    {
        Triage.Consciousness.Alert => 0,
        Triage.Consciousness.NewConfusion or Triage.Consciousness.Agitated or Triage.Consciousness.Voice => 1,
        Triage.Consciousness.Pain => 2,
        _ => 3,
    };
}
