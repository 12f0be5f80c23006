using CareWorkspace.Domain.Access;
using CareWorkspace.Infrastructure.Documents;
using CareWorkspace.Infrastructure.Live;
using CareWorkspace.Web.Features.Medicines;
using CareWorkspace.Web.Features.Medicines.Allergies;
using CareWorkspace.Web.Features.Medicines.Review;

namespace CareWorkspace.Web.Features.Documents;

/// <summary>The medication list as a PDF: the medication section's own logged reads (list, allergy register, review).</summary>
public sealed class MedicationListDocumentService(
    MedicationListService medications,
    AllergyRegisterService allergies,
    MedicationReviewService reviews,
    SharedReads sharedReads,
    MedicationListDocument document) : IPatientDataService
{
    public async Task<byte[]> WriteAsync(Actor actor, Guid patientId, CancellationToken ct = default)
    {
        var register = await allergies.GetAsync(actor, patientId, ct);
        var medication = await medications.GetAsync(actor, patientId, ct);
        var review = await reviews.GetAsync(actor, patientId, ct);
        var patient = await DocumentPatient.ReadAsync(sharedReads, patientId, ct);
        return PdfDocumentWriter.Write(document.Compose(actor, patient, medication, register, review));
    }
}
