using CareWorkspace.Domain.Common;
using CareWorkspace.Domain.Medicines;
using CareWorkspace.Domain.Medicines.Administration;
using CareWorkspace.Web.Features.Medicines;
using CareWorkspace.Web.Features.Medicines.Administration;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareWorkspace.IntegrationTests.Infrastructure;

/// <summary>A dose that is always in today's past: a drug prescribed today by the GP "kl. 0.00", and what staff record for it.</summary>
internal static class AdministrationTestData
{
    public static LocalPrescription AtMidnight(DateOnly today) =>
        new("D-vitamin " + PathwayTestData.Unique(), "A11CC05", "20 mikrogram", "tabletter", "1 tablet kl. 0.00", null, null, false, "Oral anvendelse", null,
            today, null, null);

    /// <summary>Prescribes the drug for the patient as the GP (overriding any alert) and returns today's midnight dose.</summary>
    public static async Task<ScheduledDose> PrescribeAtMidnightAsync(CareAppFactory factory, Guid patientId, CancellationToken ct)
    {
        var gp = await factory.ActorAsync("gp.larsen", ct);
        var today = CopenhagenTime.Today(factory.Services.GetRequiredService<TimeProvider>());
        var id = await factory.CallAsync<MedicationPrescribingService, Guid>(s => s.PrescribeAsync(gp, patientId, AtMidnight(today), "Administration test", ct));
        await using var db = await factory.CreateDbContextAsync(ct);
        var entry = await db.MedicationEntries.AsNoTracking().SingleAsync(m => m.Id == id, ct);
        return DaySchedule.For(today, [entry]).Single();
    }

    /// <summary>What staff record for the dose, at the current minute.</summary>
    public static DoseInput Given(CareAppFactory factory, ScheduledDose dose, AdministrationOutcome outcome = AdministrationOutcome.Given, string? reason = null)
    {
        var now = CopenhagenTime.TimeOf(factory.Services.GetRequiredService<TimeProvider>().GetUtcNow());
        return new DoseInput(dose.MedicationEntryId, dose.At, outcome, new TimeOnly(now.Hour, now.Minute), "KB", reason);
    }

    /// <summary>A resident of the demo care home.</summary>
    public static async Task<Guid> ResidentAsync(CareAppFactory factory, string givenName, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.Patients.Where(p => p.GivenName == givenName && p.FamilyName == (givenName == "Gudrun" ? "Holm" : givenName == "Edith" ? "Skov" : "Friis"))
            .Select(p => p.Id).SingleAsync(ct);
    }
}
