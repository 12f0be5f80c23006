using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Audit;
using CareWorkspace.Domain.Common;
using CareWorkspace.Infrastructure.Access;
using CareWorkspace.Infrastructure.AccessLog;
using CareWorkspace.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CareWorkspace.Web.Features.AccessLog;

/// <summary>
/// The patient's access log ("who looked at my record"): for the patient and a relative whose consent includes it.
/// Every page read is itself a logged read of the AccessLog section.
/// </summary>
public sealed class AccessLogService(
    PatientAccessGuard guard,
    IDbContextFactory<CareDbContext> dbFactory,
    TimeProvider clock,
    ILogger<AccessLogService> logger) : IPatientDataService
{
    public const int PageSize = 50;

    /// <summary>
    /// One page of the log, newest first, from <paramref name="after"/> on (null: the first page, which also lists the
    /// organisations for the filter). An inverted period is refused with <see cref="AccessLogFilter.InvertedPeriod"/> and logged.
    /// </summary>
    public async Task<AccessLogView> PageAsync(Actor actor, Guid patientId, AccessLogFilter filter, AccessLogCursor? after, CancellationToken ct = default)
    {
        var window = await WindowOrRefuseAsync(actor, patientId, filter, "Access log", ct);
        await guard.DemandSharedReadAsync(actor, patientId, PatientSection.AccessLog, "Access log", ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var page = await AccessLogQuery.PageAsync(db, patientId, window, after, PageSize, ct);
        var organisations = after is null ? await AccessLogQuery.OrganisationsAsync(db, patientId, window, ct) : null;
        return new AccessLogView(page.Entries.Select(AccessLogEntry.Of).ToList(), page.Next, organisations);
    }

    /// <summary>The filter's window today, or a logged refusal of an inverted period.</summary>
    internal async Task<AccessLogWindow> WindowOrRefuseAsync(Actor actor, Guid patientId, AccessLogFilter filter, string what, CancellationToken ct)
    {
        if (!filter.HasInvertedPeriod)
            return filter.Window(CopenhagenTime.Today(clock));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await guard.RefuseAsync(db, actor, patientId, AccessAction.Read, PatientSection.AccessLog, what, AccessLogFilter.InvertedPeriod, ct);
        logger.LogWarning("Access log of patient {PatientId} asked by {UserId} with an inverted period {From}–{To}", patientId, actor.UserId, filter.From, filter.To);
        throw new DomainException(AccessLogFilter.InvertedPeriod);
    }
}
