using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Audit;
using CareWorkspace.Domain.Common;
using CareWorkspace.Infrastructure.Access;
using CareWorkspace.Infrastructure.AccessLog;
using CareWorkspace.Infrastructure.Live;
using CareWorkspace.Infrastructure.Persistence;
using CareWorkspace.Web.Features.Documents;
using Microsoft.EntityFrameworkCore;

namespace CareWorkspace.Web.Features.FhirApi;

/// <summary>
/// <c>GET /fhir/AuditEvent?patient={id}</c>: the patient's access log (two years back, newest first) a page at a time,
/// under the same rules as the page: the patient and a relative whose consent includes the access log. Logged as a read.
/// </summary>
public sealed class FhirAuditEventService(
    PatientAccessGuard guard,
    IDbContextFactory<CareDbContext> dbFactory,
    SharedReads sharedReads,
    TimeProvider clock) : IPatientDataService
{
    public const int DefaultCount = 50;

    public async Task<FhirAuditEventPage> SearchAsync(Actor actor, Guid patientId, int count, AccessLogCursor? after, CancellationToken ct = default)
    {
        await guard.DemandSharedReadAsync(actor, patientId, PatientSection.AccessLog, "FHIR AuditEvent search", ct);
        var patient = await DocumentPatient.ReadAsync(sharedReads, patientId, ct);
        var window = new AccessLogFilter().Window(CopenhagenTime.Today(clock));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var page = await AccessLogQuery.PageAsync(db, patientId, window, after, count, ct);
        return new FhirAuditEventPage(page.Entries, page.Next, patient.Name);
    }
}

public sealed record FhirAuditEventPage(IReadOnlyList<AccessRecord> Records, AccessLogCursor? Next, string PatientName);
