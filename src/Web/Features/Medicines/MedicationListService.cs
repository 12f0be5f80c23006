using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Common;
using CareWorkspace.Domain.Medicines;
using CareWorkspace.Domain.NationalSync;
using CareWorkspace.Infrastructure.Access;
using CareWorkspace.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CareWorkspace.Web.Features.Medicines;

/// <summary>
/// The patient's medication list, read-only: what the Shared Medication Record holds (imported by the national sync)
/// grouped active / paused / stopped (stopped ones for <see cref="RecentDays"/> days), with how fresh the record is.
/// Every read asks the access guard for the Medication section.
/// </summary>
public sealed class MedicationListService(IDbContextFactory<CareDbContext> dbFactory, PatientAccessGuard guard, TimeProvider clock) : IPatientDataService
{
    /// <summary>How long a stopped medication stays on the list.</summary>
    public const int RecentDays = 90;

    public async Task<MedicationView> GetAsync(Actor actor, Guid patientId, CancellationToken ct = default)
    {
        await guard.DemandSharedReadAsync(actor, patientId, PatientSection.Medication, "Medication", ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var today = CopenhagenTime.Today(clock);
        var since = today.AddDays(-RecentDays);
        var entries = await db.MedicationEntries.AsNoTracking()
            .Where(m => m.PatientId == patientId && (m.Status != MedicationStatus.Stopped || m.End == null || m.End >= since))
            .ToListAsync(ct);
        var state = await db.SyncStates.AsNoTracking().Where(s => s.Service == NationalService.Medication)
            .Select(s => new { s.LastSuccessAt, s.LastErrorAt }).SingleOrDefaultAsync(ct);
        var refresh = await db.PatientRefreshes.AsNoTracking()
            .SingleOrDefaultAsync(r => r.PatientId == patientId && r.Service == NationalService.Medication, ct);
        var items = entries.OrderBy(m => m.DrugName, StringComparer.CurrentCultureIgnoreCase).Select(ViewOf).ToList();
        return new MedicationView(
            [.. items.Where(i => i.Status == MedicationStatus.Active)],
            [.. items.Where(i => i.Status == MedicationStatus.Paused)],
            [.. items.Where(i => i.Status == MedicationStatus.Stopped).OrderByDescending(i => i.End)],
            MedicationRecordFreshness.From(PatientRefresh.LastSuccessAt(refresh, state?.LastSuccessAt), PatientRefresh.LastFailureAt(refresh, state?.LastErrorAt))
                with
            { Updating = refresh?.IsPending(clock.GetUtcNow()) == true },
            today);
    }

    private static MedicationItem ViewOf(MedicationEntry m) => new(m.Id, m.DrugName, m.Strength, m.Form, m.AtcCode, m.DoseText, m.AsNeeded, m.Route,
        m.Indication, m.Start, m.End, m.Status, m.Prescriber, m.Organisation, m.Source, m.FetchedAt);
}
