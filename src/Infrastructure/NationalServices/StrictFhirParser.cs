using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace CareWorkspace.Infrastructure.NationalServices;

/// <summary>
/// Reads one FHIR R4 resource in the Firely SDK's strict mode: an unknown element (e.g. one from R5), a wrong type or
/// a broken value refuses the whole resource, with the SDK's reasons. Nothing is ever half-read.
/// </summary>
public static class StrictFhirParser
{
    private static readonly FhirJsonDeserializer Deserializer = new(new DeserializerSettings().UsingMode(DeserializationMode.Strict));

    public static bool TryParse(string json, out Resource? resource, out string reason) =>
        TryParse(System.Text.Encoding.UTF8.GetBytes(json), out resource, out reason);

    /// <summary>The same, from the resource's UTF-8 bytes as received (no copy as text first).</summary>
    public static bool TryParse(ReadOnlySpan<byte> utf8Json, out Resource? resource, out string reason)
    {
        resource = null;
        try
        {
            var reader = new Utf8JsonReader(utf8Json);
            if (Deserializer.TryDeserializeResource(ref reader, out var parsed, out var issues) && parsed is not null)
            {
                resource = parsed;
                reason = "";
                return true;
            }
            reason = "Not valid FHIR R4: " + string.Join("; ", issues.Select(i => i.Message).Take(5));
            return false;
        }
        catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException or ArgumentException)
        {
            reason = "Not valid FHIR R4: " + ex.Message;
            return false;
        }
    }
}
