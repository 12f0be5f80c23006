using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.NationalSync;
using CareWorkspace.Infrastructure.Access;
using CareWorkspace.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CareWorkspace.Infrastructure.Measurements;

/// <summary>
/// A patient's home measurements as imported from the national telemedicine infrastructure (read-only: they change
/// only at the source), each read asked of the access guard for the Measurements section.
/// </summary>
public sealed class MeasurementService(IDbContextFactory<CareDbContext> dbFactory, PatientAccessGuard guard, TimeProvider clock)
{
    /// <summary>How far back the section shows.</summary>
    public static readonly TimeSpan Shown = TimeSpan.FromDays(90);

    public async Task<MeasurementsView> GetAsync(Actor actor, Guid patientId, CancellationToken ct = default)
    {
        await guard.DemandSharedReadAsync(actor, patientId, PatientSection.Measurements, "Home measurements", ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var since = clock.GetUtcNow() - Shown;
        var rows = await db.HomeMeasurements.AsNoTracking().Where(m => m.PatientId == patientId && m.MeasuredAt >= since).ToListAsync(ct);
        var state = await db.SyncStates.AsNoTracking().Where(s => s.Service == NationalService.Measurements)
            .Select(s => new { s.LastSuccessAt, s.LastErrorAt }).SingleOrDefaultAsync(ct);
        var refresh = await db.PatientRefreshes.AsNoTracking()
            .SingleOrDefaultAsync(r => r.PatientId == patientId && r.Service == NationalService.Measurements, ct);
        var sync = SyncFreshness.Of(refresh, state?.LastSuccessAt, state?.LastErrorAt, clock.GetUtcNow());
        var series = rows
            .GroupBy(m => (m.Kind, Code: m.Kind == Domain.Measurements.MeasurementKind.Other ? m.Code : "", m.Unit))
            .Select(g =>
            {
                var points = g.OrderBy(m => m.MeasuredAt).ThenBy(m => m.SourceId, StringComparer.Ordinal).ToList();
                return new MeasurementSeries(g.Key.Kind, points[^1].Name, g.Key.Unit,
                    [.. points.Select(m => new MeasurementPoint(m.MeasuredAt, m.Value, m.SourceId, m.SourceVersion, m.FetchedAt))]);
            })
            .OrderBy(s => s.Kind).ThenBy(s => s.Name, StringComparer.Ordinal)
            .ToList();
        return new MeasurementsView(patientId, series, sync);
    }
}
