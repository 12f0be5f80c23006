using CareWorkspace.Infrastructure.Live;
using CareWorkspace.Web.Features.Patients;

namespace CareWorkspace.Web.Features.Documents;

/// <summary>The patient a document is about (name and CPR for every page's header), from the shared patient record.</summary>
internal static class DocumentPatient
{
    public static Task<PatientSnapshot> ReadAsync(SharedReads sharedReads, Guid patientId, CancellationToken ct) =>
        sharedReads.GetAsync(patientId, PatientSnapshot.Key, PatientSnapshot.DependsOn, (db, c) => PatientSnapshot.ReadAsync(db, patientId, c), ct: ct);
}
