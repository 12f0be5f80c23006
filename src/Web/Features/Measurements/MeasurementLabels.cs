using CareWorkspace.Domain.Measurements;
using CareWorkspace.Infrastructure.Measurements;
using CareWorkspace.Web.Localization;
using Microsoft.Extensions.Localization;

namespace CareWorkspace.Web.Features.Measurements;

/// <summary>The name of each kind of home measurement and how its values are written, in the reader's language.</summary>
public static class MeasurementLabels
{
    private static IStringLocalizer L => StaticText.For(typeof(MeasurementLabels));

    /// <summary>The kind's name; for a kind CareWorkspace does not know, the source's own name.</summary>
    public static string For(MeasurementSeries series) => series.Kind switch
    {
        MeasurementKind.OxygenSaturation => L["Oxygen saturation (SpO2)"],
        MeasurementKind.Pulse => L["Pulse"],
        MeasurementKind.BodyWeight => L["Weight"],
        MeasurementKind.Fev1 => L["Lung function (FEV1)"],
        MeasurementKind.BodyTemperature => L["Temperature"],
        _ => series.Name,
    };

    /// <summary>The value with its unit as people write it ("93 %", "78 /min", "77,9 kg", "1,21 L").</summary>
    public static string Value(MeasurementSeries series, decimal value) => $"{CareFormat.Number(value, Decimals(series.Kind, value))} {Unit(series.Unit)}";

    /// <summary>UCUM codes read as the units they are; "Cel" is °C.</summary>
    public static string Unit(string ucum) => ucum switch
    {
        "Cel" => "°C",
        "{beats}/min" => "/min",
        _ => ucum,
    };

    private static int Decimals(MeasurementKind kind, decimal value) => kind switch
    {
        MeasurementKind.OxygenSaturation or MeasurementKind.Pulse => 0,
        MeasurementKind.BodyWeight or MeasurementKind.BodyTemperature => 1,
        MeasurementKind.Fev1 => 2,
        _ => value == decimal.Truncate(value) ? 0 : 2,
    };
}
