using CareWorkspace.Domain.Patients;
using FhirPatient = Hl7.Fhir.Model.Patient;

namespace CareWorkspace.Infrastructure.NationalServices;

/// <summary>
/// Finds one patient's resources at a national service the way any FHIR R4 server answers: the service's Patient by
/// CPR first (<c>Patient?identifier=…</c>), then the resources by a plain reference (<c>patient=Patient/{id}</c>). A
/// chained search (<c>patient.identifier=…</c>) would save a request, but servers differ in whether they resolve a
/// chain through an identifier (Medplum's does not).
/// </summary>
internal static class PatientSearch
{
    /// <summary>The service's references ("Patient/{id}") to the patient with this CPR; none when it knows no such patient.</summary>
    public static async Task<IReadOnlyList<string>> ReferencesAsync(FhirSearchReader reader, Cpr cpr, CancellationToken ct)
    {
        var references = new List<string>();
        await foreach (var page in reader.SearchAsync($"Patient?identifier={FhirSearchReader.Escape(cpr.System + "|" + cpr.Value)}", ct))
        {
            foreach (var (resource, _) in page.Entries)
            {
                // Only a Patient that carries the CPR: a server that ignores a search parameter answers everyone.
                if (resource is FhirPatient { Id: { Length: > 0 } id } patient && patient.Identifier.Any(i => i.System == cpr.System && i.Value == cpr.Value))
                    references.Add("Patient/" + id);
            }
        }
        return [.. references.Distinct(StringComparer.Ordinal)];
    }

    /// <summary>A search of the patient's resources of a type ("MedicationStatement?patient=Patient%2F…").</summary>
    public static string Of(string resourceType, string patientReference) => $"{resourceType}?patient={FhirSearchReader.Escape(patientReference)}";
}
