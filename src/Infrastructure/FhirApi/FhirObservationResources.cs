using CareWorkspace.Domain.Triage;
using Hl7.Fhir.Model;

namespace CareWorkspace.Infrastructure.FhirApi;

/// <summary>
/// A change-form visit's measurements (early detection) as FHIR R4 vital-sign Observations (LOINC codes, UCUM
/// quantities), with the TOBS and NEWS2 scores and the triage colour as Observations in our own code system.
/// </summary>
public static class FhirObservationResources
{
    public static IEnumerable<Observation> Of(ChangeObservation visit, string patientName)
    {
        var vitals = new (string Key, string Loinc, string Display, decimal? Value, string Unit)[]
        {
            ("pulse", "8867-4", "Heart rate", visit.Pulse, "/min"),
            ("respiratory-rate", "9279-1", "Respiratory rate", visit.RespiratoryRate, "/min"),
            ("systolic", "8480-6", "Systolic blood pressure", visit.SystolicBloodPressure, "mm[Hg]"),
            ("temperature", "8310-5", "Body temperature", visit.Temperature, "Cel"),
            ("spo2", "59408-5", "Oxygen saturation in Arterial blood by Pulse oximetry", visit.OxygenSaturation, "%"),
        };
        foreach (var vital in vitals.Where(v => v.Value is not null))
        {
            var observation = Base(visit, vital.Key, patientName, "vital-signs", new CodeableConcept(FhirCoding.Loinc, vital.Loinc, vital.Display, vital.Display));
            observation.Value = new Quantity(vital.Value!.Value, vital.Unit, FhirCoding.Ucum) { Unit = vital.Unit };
            yield return observation;
        }
        foreach (var (key, display, total) in new[] { ("tobs", "TOBS score", visit.TobsTotal), ("news2", "NEWS2 score", visit.News2Total) })
        {
            if (total is null)
                continue;
            var score = Base(visit, key, patientName, "survey", new CodeableConcept(FhirCoding.CareWorkspaceCodes, key, display, display));
            score.Value = new Integer(total);
            yield return score;
        }
        var colour = Base(visit, "triage-colour", patientName, "survey",
            new CodeableConcept(FhirCoding.CareWorkspaceCodes, "triage-colour", "Triage colour", "Triage colour"));
        colour.Value = new CodeableConcept(FhirCoding.CareWorkspaceCodes, visit.Colour.ToString().ToLowerInvariant(), visit.Colour.ToString(), visit.Colour.ToString());
        yield return colour;
    }

    private static Observation Base(ChangeObservation visit, string key, string patientName, string category, CodeableConcept code) => new()
    {
        // One visit gives several observations: the visit's id and the measurement name keep each id stable.
        Id = $"{visit.Id:D}-{key}",
        Status = visit.IsConfirmed || key != "triage-colour" ? ObservationStatus.Final : ObservationStatus.Preliminary,
        Category = [new CodeableConcept(FhirCoding.ObservationCategory, category)],
        Code = code,
        Subject = FhirCoding.Patient(visit.PatientId, patientName),
        Effective = FhirCoding.DateTime(visit.RecordedAt),
        Performer = [new ResourceReference { Display = visit.RecordedByName }],
    };
}
