using System.Globalization;
using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Common;
using CareWorkspace.Domain.Medicines;
using CareWorkspace.Domain.Medicines.Allergies;
using CareWorkspace.Domain.Medicines.Checks;
using CareWorkspace.Domain.NationalSync;
using CareWorkspace.Infrastructure.Access;
using CareWorkspace.Infrastructure.Medicines;
using CareWorkspace.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CareWorkspace.Web.Features.Medicines;

/// <summary>
/// The patient's medication list: what the Shared Medication Record holds (imported by the national sync) and what was
/// prescribed locally, grouped active / paused / stopped (stopped ones for <see cref="RecentDays"/> days), with how fresh
/// the record is, the checks' alerts among the active ones and the overrides of local prescriptions.
/// Every read asks the access guard for the Medication section.
/// </summary>
public sealed class MedicationListService(IDbContextFactory<CareDbContext> dbFactory, PatientAccessGuard guard, MedicationChecks checks, TimeProvider clock)
    : IPatientDataService
{
    /// <summary>How long a stopped medication stays on the list.</summary>
    public const int RecentDays = 90;

    public async Task<MedicationView> GetAsync(Actor actor, Guid patientId, CancellationToken ct = default)
    {
        var (_, relationship) = await guard.DemandSharedReadAsync(actor, patientId, PatientSection.Medication, "Medication", ct);
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
        var allergies = await db.ActiveAllergiesAsync(patientId, ct);
        var alerts = AlertsByEntry(entries, allergies);
        var items = entries.OrderBy(m => m.DrugName, StringComparer.CurrentCultureIgnoreCase)
            .Select(m => ViewOf(m) with { Alerts = alerts.GetValueOrDefault(m.Id) ?? [] })
            .ToList();
        return new MedicationView(
            [.. items.Where(i => i.Status == MedicationStatus.Active)],
            [.. items.Where(i => i.Status == MedicationStatus.Paused)],
            [.. items.Where(i => i.Status == MedicationStatus.Stopped).OrderByDescending(i => i.End)],
            SyncFreshness.Of(refresh, state?.LastSuccessAt, state?.LastErrorAt, clock.GetUtcNow()),
            today)
        {
            PatientId = patientId,
            Can = new MedicationPermissions(
                Prescribe: PatientAccessGuard.Permits(actor, relationship, AccessAction.Create, PatientSection.Medication),
                Change: PatientAccessGuard.Permits(actor, relationship, AccessAction.Update, PatientSection.Medication)),
        };
    }

    /// <summary>
    /// The checks' alerts among the active medications, imported and local alike (interactions, duplicate therapy, doses),
    /// and each one's match in the allergy (CAVE) register — so an imported drug the patient is allergic to is flagged —
    /// by the entries they concern, so each is shown next to them.
    /// </summary>
    private Dictionary<Guid, List<MedicationAlertView>> AlertsByEntry(IEnumerable<MedicationEntry> entries, IReadOnlyList<AllergyEntry> allergies)
    {
        var active = entries.Where(m => m.Status == MedicationStatus.Active).Select(MedicationAlertViews.Checked).ToList();
        var byEntry = new Dictionary<Guid, List<MedicationAlertView>>();
        void Add(Guid id, MedicationAlert alert)
        {
            if (!byEntry.TryGetValue(id, out var list))
                byEntry[id] = list = [];
            list.Add(MedicationAlertViews.From(alert));
        }
        foreach (var found in checks.CheckList(active, CultureInfo.CurrentUICulture))
        {
            foreach (var id in found.EntryIds)
                Add(id, found.Alert);
        }
        foreach (var drug in active)
        {
            foreach (var alert in AllergyCheck.Check(drug, allergies))
                Add(drug.EntryId!.Value, alert);
        }
        return byEntry;
    }

    private static MedicationItem ViewOf(MedicationEntry m) => new(m.Id, m.DrugName, m.Strength, m.Form, m.AtcCode, m.DoseText, m.AsNeeded, m.Route,
        m.Indication, m.Start, m.End, m.Status, m.Prescriber, m.Organisation, m.Source, m.FetchedAt)
    {
        Version = m.Version,
        DailyDoseAmount = m.DailyDoseAmount,
        DailyDoseUnit = m.DailyDoseUnit,
        Overrides = [.. m.Overrides.OrderBy(o => o.OverriddenAt).Select(MedicationAlertViews.From)],
        DoseFrom = m.DoseFrom,
        DoseChanges = [.. m.DoseChanges.OrderByDescending(c => c.ChangedAt).Select(MedicationDoseChangeView.Of)],
    };
}
