using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Triage;
using CareWorkspace.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CareWorkspace.Infrastructure.Triage;

/// <summary>
/// The citizen's current triage colour, for the pathway header: read once for all its viewers (a shared read, read
/// anew after a triage change). The caller decides, with the access guard, whether the viewer may see it.
/// </summary>
public static class TriageColours
{
    public const string SharedKey = "triage-colour";

    public static readonly IReadOnlyList<PatientSection> DependsOn = [PatientSection.Triage];

    /// <summary>The colour of the citizen's latest change form from any unit, or null if none was recorded.</summary>
    public static async Task<TriageColour?> CurrentAsync(CareDbContext db, Guid patientId, CancellationToken ct)
    {
        var latest = await db.TriageObservations.AsNoTracking().Where(o => o.PatientId == patientId)
            .OrderByDescending(o => o.RecordedAt)
            .Select(o => new { o.ConfirmedColour, o.SuggestedColour })
            .FirstOrDefaultAsync(ct);
        return latest is null ? null : latest.ConfirmedColour ?? latest.SuggestedColour;
    }
}
