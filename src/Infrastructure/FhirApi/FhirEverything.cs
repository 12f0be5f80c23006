using CareWorkspace.Domain.Access;
using Hl7.Fhir.Model;

namespace CareWorkspace.Infrastructure.FhirApi;

/// <summary>
/// <c>Patient/{id}/$everything</c>: a searchset Bundle of the patient and everything of theirs the caller may read.
/// A section the caller may not read is left out entirely; nothing in the Bundle says it exists.
/// </summary>
public static class FhirEverything
{
    public static Bundle Bundle(FhirRecord record, Uri fhirBase, DateTimeOffset now)
    {
        var patient = record.Patient;
        var name = patient.FullName;
        var resources = new List<Resource>
        {
            FhirPatientResources.Patient(patient, record.Shows(PatientSection.MasterData),
                patient.GpOrganisationId is { } gp ? record.Organisations.GetValueOrDefault(gp) : null, record.ShowsAddress),
        };
        if (record.Shows(PatientSection.Relatives))
            resources.AddRange(FhirPatientResources.Relatives(patient));
        if (record.Shows(PatientSection.CareTeam) && patient.CareTeam.Count > 0)
            resources.Add(FhirPatientResources.CareTeam(patient, record.Organisations, record.Today));
        if (record.Shows(PatientSection.Conditions))
            resources.AddRange(FhirPatientResources.Conditions(patient, record.Conditions));
        if (record.Shows(PatientSection.Calendar))
            resources.AddRange(record.Appointments.OrderBy(a => a.Start).Select(a =>
                FhirCalendarResources.Appointment(a, patient.Id, name, record.Organisations.GetValueOrDefault(a.OrganisationId))));
        if (record.Shows(PatientSection.CarePlan))
        {
            foreach (var plan in record.CarePlans.OrderBy(p => p.CreatedAt))
            {
                resources.Add(FhirCarePlanResources.CarePlan(plan, name));
                resources.AddRange(FhirCarePlanResources.Goals(plan, name));
            }
        }
        if (record.Shows(PatientSection.Triage))
            resources.AddRange(record.Observations.OrderBy(o => o.RecordedAt).SelectMany(o => FhirObservationResources.Of(o, name)));
        if (record.Shows(PatientSection.Medication))
            resources.AddRange((record.Medications ?? []).OrderBy(m => m.Start).ThenBy(m => m.DrugName, StringComparer.Ordinal).Select(m => FhirMedicationResources.Statement(m, name)));
        if (record.Shows(PatientSection.Measurements))
            resources.AddRange((record.Measurements ?? []).OrderBy(m => m.MeasuredAt).Select(m => FhirHomeMeasurementResources.Of(m, name)));
        if (record.Shows(PatientSection.Messages))
            resources.AddRange(record.Threads.OrderBy(t => t.StartedAt).SelectMany(t => FhirCommunicationResources.Of(t, name)));

        return new Bundle
        {
            Id = Guid.NewGuid().ToString("D"),
            Meta = new Meta { LastUpdated = now },
            Type = Hl7.Fhir.Model.Bundle.BundleType.Searchset,
            Total = resources.Count,
            Link = [new Bundle.LinkComponent { Relation = "self", Url = new Uri(fhirBase, $"Patient/{patient.Id:D}/$everything").AbsoluteUri }],
            Entry = resources.Select(r => new Bundle.EntryComponent
            {
                FullUrl = new Uri(fhirBase, $"{r.TypeName}/{r.Id}").AbsoluteUri,
                Resource = r,
                Search = new Bundle.SearchComponent { Mode = r is Hl7.Fhir.Model.Patient ? Hl7.Fhir.Model.Bundle.SearchEntryMode.Match : Hl7.Fhir.Model.Bundle.SearchEntryMode.Include },
            }).ToList(),
        };
    }
}
