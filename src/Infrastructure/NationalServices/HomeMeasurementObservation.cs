using CareWorkspace.Domain.Measurements;
using Hl7.Fhir.Model;

namespace CareWorkspace.Infrastructure.NationalServices;

/// <summary>
/// Reads an Observation from the national telemedicine infrastructure as a home measurement: the subject by its CPR
/// (DK-core system), a code, the time it was measured, and a value that is a UCUM quantity. Anything else is refused
/// with why (a measurement without a UCUM unit cannot be charted or compared).
/// </summary>
public static class HomeMeasurementObservation
{
    public const string Ucum = "http://unitsofmeasure.org";

    private static readonly ObservationStatus[] Shown = [ObservationStatus.Final, ObservationStatus.Amended, ObservationStatus.Corrected];

    public static bool TryRead(Resource resource, DateOnly today, out HomeMeasurementReading? reading, out string reason)
    {
        reading = null;
        if (resource is not Observation observation)
        {
            reason = $"Expected an Observation, not {resource.TypeName}.";
            return false;
        }
        if (observation.Status is not { } status || !Shown.Contains(status))
        {
            reason = $"The observation is {observation.Status?.ToString() ?? "without status"}; only final, amended or corrected measurements are imported.";
            return false;
        }
        if (observation.Subject?.Identifier is not { } subject)
        {
            reason = "The observation's subject carries no CPR identifier.";
            return false;
        }
        if (!DkIdentifiers.TryReadCpr([subject], today, out var cpr, out reason))
            return false;
        if (observation.Value is not Quantity { Value: { } value } quantity || quantity.System != Ucum || string.IsNullOrWhiteSpace(quantity.Code))
        {
            reason = $"The observation has no UCUM quantity (a value with system {Ucum} and a unit code); it cannot be shown as a measurement.";
            return false;
        }
        var coding = observation.Code?.Coding.FirstOrDefault(c => !string.IsNullOrEmpty(c.System) && !string.IsNullOrEmpty(c.Code));
        if (coding is null)
        {
            reason = "The observation has no code saying what was measured.";
            return false;
        }
        var at = observation.Effective switch
        {
            FhirDateTime time => time.ToDateTimeOffset(TimeSpan.Zero),
            Period period => period.StartElement?.ToDateTimeOffset(TimeSpan.Zero),
            Instant instant => instant.Value,
            _ => null,
        };
        if (at is null)
        {
            reason = "The observation says nothing about when it was measured.";
            return false;
        }
        var kind = MeasurementKinds.Of(observation.Code!.Coding.Select(c => (c.System, c.Code)));
        var name = observation.Code.Text ?? coding.Display ?? coding.Code!;
        reading = new HomeMeasurementReading(cpr!, kind, $"{coding.System}|{coding.Code}", Truncate(name, HomeMeasurement.NameMaxLength), value,
            quantity.Code.Trim(), at.Value);
        reason = "";
        return true;
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];
}
