using CareWorkspace.Domain.Medicines.Allergies;
using CareWorkspace.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CareWorkspace.Infrastructure.Medicines;

/// <summary>The one read of a patient's active allergy (CAVE) entries, which the banner, the list and the prescribing checks share.</summary>
public static class AllergyQueries
{
    public static Task<List<AllergyEntry>> ActiveAllergiesAsync(this CareDbContext db, Guid patientId, CancellationToken ct) =>
        db.AllergyEntries.AsNoTracking()
            .Where(a => a.PatientId == patientId && a.Status == AllergyStatus.Active)
            .ToListAsync(ct);
}
