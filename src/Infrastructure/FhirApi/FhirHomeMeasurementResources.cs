using CareWorkspace.Domain.Measurements;
using Hl7.Fhir.Model;

namespace CareWorkspace.Infrastructure.FhirApi;

/// <summary>Home measurements as FHIR R4 vital-sign Observations with the source's code and a UCUM quantity.</summary>
public static class FhirHomeMeasurementResources
{
    public static Observation Of(HomeMeasurement measurement, string patientName)
    {
        var (system, code) = measurement.Code.Split('|', 2) is [var s, var c] ? (s, c) : (null, measurement.Code);
        return new Observation
        {
            Id = measurement.Id.ToString("D"),
            Status = ObservationStatus.Final,
            Category = [new CodeableConcept(FhirCoding.ObservationCategory, "vital-signs")],
            Code = new CodeableConcept(system, code, measurement.Name, measurement.Name),
            Subject = FhirCoding.Patient(measurement.PatientId, patientName),
            Effective = FhirCoding.DateTime(measurement.MeasuredAt),
            Value = new Quantity(measurement.Value, measurement.Unit, FhirCoding.Ucum) { Unit = measurement.Unit },
        };
    }
}
