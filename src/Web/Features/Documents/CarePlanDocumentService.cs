using CareWorkspace.Domain.Access;
using CareWorkspace.Infrastructure.Access;
using CareWorkspace.Infrastructure.Documents;
using CareWorkspace.Infrastructure.Live;
using CareWorkspace.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CareWorkspace.Web.Features.Documents;

/// <summary>The patient's care plans as a PDF: one logged read of the CarePlan section.</summary>
public sealed class CarePlanDocumentService(
    PatientAccessGuard guard,
    SharedReads sharedReads,
    IDbContextFactory<CareDbContext> dbFactory,
    CarePlanDocument document) : IPatientDataService
{
    public async Task<byte[]> WriteAsync(Actor actor, Guid patientId, CancellationToken ct = default)
    {
        await guard.DemandSharedReadAsync(actor, patientId, PatientSection.CarePlan, "Care plan (PDF)", ct);
        var patient = await DocumentPatient.ReadAsync(sharedReads, patientId, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var plans = await CarePlanReads.PrintableAsync(db, patientId, ct);
        return PdfDocumentWriter.Write(document.Compose(actor, patient, plans));
    }
}
