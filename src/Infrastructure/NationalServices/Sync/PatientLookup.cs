using CareWorkspace.Domain.Patients;
using CareWorkspace.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CareWorkspace.Infrastructure.NationalServices.Sync;

/// <summary>The patients here of a page of national items, by CPR, in one query; a CPR of no patient here is left out.</summary>
internal static class PatientLookup
{
    public static async Task<Dictionary<Cpr, Guid>> ByCprAsync(CareDbContext db, IEnumerable<Cpr> cprs, CancellationToken ct)
    {
        var wanted = cprs.Distinct().ToList();
        var found = await db.Patients.AsNoTracking().Where(p => wanted.Contains(p.Cpr)).Select(p => new { p.Cpr, p.Id }).ToListAsync(ct);
        return found.ToDictionary(p => p.Cpr, p => p.Id);
    }
}
