namespace CareWorkspace.Domain.Measurements;

/// <summary>Which kind a measurement's code names: LOINC (the eHealth infrastructure) and the Danish NPU codes.</summary>
public static class MeasurementKinds
{
    public const string Loinc = "http://loinc.org";
    public const string Npu = "urn:oid:1.2.208.176.2.1";

    private static readonly Dictionary<(string System, string Code), MeasurementKind> Known = new()
    {
        [(Loinc, "59408-5")] = MeasurementKind.OxygenSaturation,
        [(Loinc, "2708-6")] = MeasurementKind.OxygenSaturation,
        [(Npu, "NPU03011")] = MeasurementKind.OxygenSaturation,
        [(Loinc, "8867-4")] = MeasurementKind.Pulse,
        [(Loinc, "29463-7")] = MeasurementKind.BodyWeight,
        [(Npu, "NPU03804")] = MeasurementKind.BodyWeight,
        [(Loinc, "20150-9")] = MeasurementKind.Fev1,
        [(Loinc, "8310-5")] = MeasurementKind.BodyTemperature,
    };

    /// <summary>The kind of the first known code; <see cref="MeasurementKind.Other"/> when none is known.</summary>
    public static MeasurementKind Of(IEnumerable<(string? System, string? Code)> codes)
    {
        foreach (var (system, code) in codes)
        {
            if (system is not null && code is not null && Known.TryGetValue((system, code), out var kind))
                return kind;
        }
        return MeasurementKind.Other;
    }
}
