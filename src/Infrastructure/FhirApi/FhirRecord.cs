using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Calendar;
using CareWorkspace.Domain.CarePlans;
using CareWorkspace.Domain.Measurements;
using CareWorkspace.Domain.Medicines;
using CareWorkspace.Domain.Messaging;
using CareWorkspace.Domain.Organisations;
using CareWorkspace.Domain.Triage;
using DomainCondition = CareWorkspace.Domain.Patients.Condition;
using DomainPatient = CareWorkspace.Domain.Patients.Patient;

namespace CareWorkspace.Infrastructure.FhirApi;

/// <summary>
/// What one caller may read of one patient, as the access guard allowed it: a section left out of
/// <see cref="Sections"/> is absent from the FHIR answer, not emptied. The lists hold only what the caller may see:
/// items the patient blocked from the caller are not in them (<see cref="Conditions"/> rather than the patient's own list).
/// </summary>
public sealed record FhirRecord(
    DomainPatient Patient,
    IReadOnlySet<PatientSection> Sections,
    IReadOnlyList<DomainCondition> Conditions,
    IReadOnlyDictionary<Guid, Organisation> Organisations,
    IReadOnlyList<Appointment> Appointments,
    IReadOnlyList<CarePlan> CarePlans,
    IReadOnlyList<ChangeObservation> Observations,
    IReadOnlyList<MessageThread> Threads,
    DateOnly Today,
    bool ShowsAddress = true,
    IReadOnlyList<MedicationEntry>? Medications = null,
    IReadOnlyList<HomeMeasurement>? Measurements = null)
{
    public bool Shows(PatientSection section) => Sections.Contains(section);
}
