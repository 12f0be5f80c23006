using CareWorkspace.Domain.CarePlans;
using CareWorkspace.Infrastructure.Persistence;
using CareWorkspace.Web.Features.CarePlans;
using Microsoft.EntityFrameworkCore;

namespace CareWorkspace.Web.Features.Documents;

/// <summary>The care plans a printed document shows, for a caller whose read of the CarePlan section is already decided and logged.</summary>
internal static class CarePlanReads
{
    /// <summary>Every plan but the revoked ones: open plans first (active before draft), then completed, newest first within each.</summary>
    public static async Task<IReadOnlyList<CarePlanView>> PrintableAsync(CareDbContext db, Guid patientId, CancellationToken ct)
    {
        var plans = await db.CarePlans.AsNoTracking().Where(p => p.PatientId == patientId && p.Status != CarePlanStatus.Revoked).ToListAsync(ct);
        return plans
            .OrderBy(p => p.Status switch { CarePlanStatus.Active => 0, CarePlanStatus.Draft => 1, _ => 2 })
            .ThenByDescending(p => p.CreatedAt)
            .Select(p => new CarePlanView(p.Id, p.Version, p.Revision, p.ChangedBy, p.ChangedAt, p.Snapshot()))
            .ToList();
    }
}
