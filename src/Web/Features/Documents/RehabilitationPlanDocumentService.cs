using CareWorkspace.Domain.Access;
using CareWorkspace.Infrastructure.Documents;
using CareWorkspace.Infrastructure.Live;
using CareWorkspace.Web.Features.Rehabilitation;

namespace CareWorkspace.Web.Features.Documents;

/// <summary>The exercise sheet as a PDF: the rehabilitation plan's own logged read of the Rehabilitation section.</summary>
public sealed class RehabilitationPlanDocumentService(
    RehabilitationPlanService rehabilitation,
    SharedReads sharedReads,
    RehabilitationPlanDocument document) : IPatientDataService
{
    public async Task<byte[]> WriteAsync(Actor actor, Guid patientId, CancellationToken ct = default)
    {
        var plan = await rehabilitation.GetPlanAsync(actor, patientId, "Exercise sheet (PDF)", ct);
        var patient = await DocumentPatient.ReadAsync(sharedReads, patientId, ct);
        return PdfDocumentWriter.Write(document.Compose(actor, patient, plan));
    }
}
