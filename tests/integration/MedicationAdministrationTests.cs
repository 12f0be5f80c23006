using System.Collections.Concurrent;
using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Common;
using CareWorkspace.Domain.Medicines.Administration;
using CareWorkspace.Infrastructure.Demo;
using CareWorkspace.Infrastructure.Realtime;
using CareWorkspace.IntegrationTests.Infrastructure;
using CareWorkspace.Web.Features.Medicines.Administration;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareWorkspace.IntegrationTests;

/// <summary>
/// Giving medication in the demo care home: the unit's overview, recording a dose once (twice, or at once from two
/// devices, is refused and one record is kept), bad input refused with nothing saved, and the live notice of a record
/// reaching the care home's audience and not another unit's.
/// </summary>
public abstract class MedicationAdministrationTests(CareAppFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<T> Call<T>(Func<AdministrationService, Task<T>> call) => factory.CallAsync(call);

    [Fact]
    public async Task The_care_home_worker_sees_the_units_residents_with_todays_doses()
    {
        var worker = await factory.ActorAsync("carehome.worker", Ct);

        var view = await Call(s => s.GetUnitAsync(worker, Ct));

        Assert.Equal("Havby Kommune, Plejecentret Solgården", view.UnitName);
        Assert.Equal(["Edith Skov", "Gudrun Holm", "Valdemar Friis"], view.Residents.Select(r => r.Name).Order(StringComparer.Ordinal));
        Assert.All(view.Residents, r => Assert.True(r.Scheduled >= 3));
        Assert.DoesNotContain(view.Residents, r => r.Name == "Jens Jensen");
    }

    [Fact]
    public async Task A_role_that_may_not_list_the_section_is_refused_the_overview_and_the_refusal_is_logged()
    {
        var gp = await factory.ActorAsync("gp.larsen", Ct);
        int before;
        await using (var db = await factory.CreateDbContextAsync(Ct))
            before = await db.AccessRecords.CountAsync(r => r.UserId == gp.UserId && r.Section == PatientSection.MedicationAdministration && r.PatientId == null && !r.Allowed, Ct);

        await Assert.ThrowsAsync<PatientAccessDeniedException>(() => Call(s => s.GetUnitAsync(gp, Ct)));

        await using var after = await factory.CreateDbContextAsync(Ct);
        Assert.Equal(before + 1,
            await after.AccessRecords.CountAsync(r => r.UserId == gp.UserId && r.Section == PatientSection.MedicationAdministration && r.PatientId == null && !r.Allowed, Ct));
    }

    [Fact]
    public async Task A_dose_is_recorded_once_and_a_second_record_is_refused_naming_the_first()
    {
        var resident = await AdministrationTestData.ResidentAsync(factory, "Gudrun", Ct);
        var worker = await factory.ActorAsync("carehome.worker", Ct);
        var dose = await AdministrationTestData.PrescribeAtMidnightAsync(factory, resident, Ct);

        await Call(s => s.RecordAsync(worker, resident, AdministrationTestData.Given(factory, dose), Ct));
        var refused = await Assert.ThrowsAsync<DomainException>(() =>
            Call(s => s.RecordAsync(worker, resident, AdministrationTestData.Given(factory, dose, AdministrationOutcome.Refused), Ct)));

        Assert.StartsWith("This dose was already recorded (Given) by Maja Friis", refused.Message, StringComparison.Ordinal);
        await using var db = await factory.CreateDbContextAsync(Ct);
        var kept = Assert.Single(await db.AdministrationRecords.Where(r => r.MedicationEntryId == dose.MedicationEntryId).ToListAsync(Ct));
        Assert.Equal((AdministrationOutcome.Given, "KB", dose.At), (kept.Outcome, kept.Initials, kept.ScheduledAt.ToUniversalTime()));
        var schedule = await Call(s => s.GetResidentAsync(worker, resident, Ct));
        Assert.Equal(DoseState.Given, schedule.Doses.Single(d => d.Dose.MedicationEntryId == dose.MedicationEntryId).State);
    }

    [Fact]
    public async Task Two_devices_recording_the_same_dose_at_once_keep_one_record_and_the_other_is_refused()
    {
        var resident = await AdministrationTestData.ResidentAsync(factory, "Edith", Ct);
        var worker = await factory.ActorAsync("carehome.worker", Ct);
        var dose = await AdministrationTestData.PrescribeAtMidnightAsync(factory, resident, Ct);

        var attempts = Enumerable.Range(0, 4).Select(_ => Task.Run(() => Call(s => s.RecordAsync(worker, resident, AdministrationTestData.Given(factory, dose), Ct)))).ToList();
        var outcomes = await Task.WhenAll(attempts.Select(async a =>
        {
            try
            {
                await a;
                return (Exception?)null;
            }
            catch (Exception ex)
            {
                return ex;
            }
        }));

        Assert.Single(outcomes, o => o is null);
        Assert.All(outcomes.Where(o => o is not null), o => Assert.Contains("already recorded", Assert.IsType<DomainException>(o).Message, StringComparison.Ordinal));
        await using var db = await factory.CreateDbContextAsync(Ct);
        Assert.Equal(1, await db.AdministrationRecords.CountAsync(r => r.MedicationEntryId == dose.MedicationEntryId, Ct));
    }

    [Fact]
    public async Task Not_given_without_a_reason_a_future_time_and_a_dose_not_on_the_schedule_are_refused_and_nothing_is_saved()
    {
        var resident = await AdministrationTestData.ResidentAsync(factory, "Valdemar", Ct);
        var worker = await factory.ActorAsync("carehome.worker", Ct);
        var dose = await AdministrationTestData.PrescribeAtMidnightAsync(factory, resident, Ct);
        var now = CopenhagenTime.TimeOf(factory.Services.GetRequiredService<TimeProvider>().GetUtcNow());

        var noReason = await Assert.ThrowsAsync<DomainException>(() =>
            Call(s => s.RecordAsync(worker, resident, AdministrationTestData.Given(factory, dose, AdministrationOutcome.NotGiven, "  "), Ct)));
        Assert.Equal("Write why the dose was not given.", noReason.Message);
        if (now < new TimeOnly(23, 50))
        {
            var future = await Assert.ThrowsAsync<DomainException>(() =>
                Call(s => s.RecordAsync(worker, resident, AdministrationTestData.Given(factory, dose) with { Time = now.AddMinutes(5) }, Ct)));
            Assert.Contains("is in the future", future.Message, StringComparison.Ordinal);
        }
        var offSchedule = await Assert.ThrowsAsync<DomainException>(() =>
            Call(s => s.RecordAsync(worker, resident, AdministrationTestData.Given(factory, dose) with { ScheduledAt = dose.At.AddMinutes(1) }, Ct)));
        Assert.StartsWith("This dose is not on the medication's schedule", offSchedule.Message, StringComparison.Ordinal);

        await using var db = await factory.CreateDbContextAsync(Ct);
        Assert.Equal(0, await db.AdministrationRecords.CountAsync(r => r.MedicationEntryId == dose.MedicationEntryId, Ct));
        var notGiven = await Call(s => s.RecordAsync(worker, resident, AdministrationTestData.Given(factory, dose, AdministrationOutcome.NotGiven, "Asleep"), Ct));
        Assert.Equal("Asleep", (await db.AdministrationRecords.SingleAsync(r => r.Id == notGiven, Ct)).Reason);
    }

    [Fact]
    public async Task A_role_that_may_only_read_cannot_record_a_dose()
    {
        var resident = await AdministrationTestData.ResidentAsync(factory, "Gudrun", Ct);
        var gp = await factory.ActorAsync("gp.larsen", Ct);
        var dose = await AdministrationTestData.PrescribeAtMidnightAsync(factory, resident, Ct);

        await Assert.ThrowsAsync<PatientAccessDeniedException>(() => Call(s => s.RecordAsync(gp, resident, AdministrationTestData.Given(factory, dose), Ct)));
    }

    [Fact]
    public async Task A_record_reaches_the_care_homes_audience_and_not_another_units()
    {
        var resident = await AdministrationTestData.ResidentAsync(factory, "Gudrun", Ct);
        var worker = await factory.ActorAsync("carehome.worker", Ct);
        var careHome = worker.OrganisationId!.Value;
        var otherUnit = (await factory.ActorAsync("nurse.roskilde", Ct)).OrganisationId!.Value;
        var dose = await AdministrationTestData.PrescribeAtMidnightAsync(factory, resident, Ct);
        var notifier = factory.Services.GetRequiredService<IPathwayNotifier>();
        var own = new TaskCompletionSource<PathwayChange>(TaskCreationOptions.RunContinuationsAsynchronously);
        var elsewhere = new ConcurrentBag<PathwayChange>();
        using var ownOverview = notifier.SubscribeFor([AudienceKey.ForOrganisation(careHome)], PatientSection.MedicationAdministration, c =>
        {
            if (c.PatientId == resident)
                own.TrySetResult(c);
            return Task.CompletedTask;
        });
        using var otherOverview = notifier.SubscribeFor([AudienceKey.ForOrganisation(otherUnit)], PatientSection.MedicationAdministration, c =>
        {
            elsewhere.Add(c);
            return Task.CompletedTask;
        });

        var id = await Call(s => s.RecordAsync(worker, resident, AdministrationTestData.Given(factory, dose), Ct));

        var heard = await own.Task.WaitAsync(PathwayTestData.SignalTimeout, Ct);
        Assert.Equal(id, heard.ItemId);
        Assert.Contains(AudienceKey.ForOrganisation(careHome), heard.SeenBy!);
        // The other unit's overview has heard nothing of it (the notice went out together, so any would be here by now).
        await Task.Delay(300, Ct);
        Assert.DoesNotContain(elsewhere, c => c.PatientId == resident);
    }

    [Fact]
    public async Task The_demo_care_home_has_a_worker_account_and_todays_administration()
    {
        await using var db = await factory.CreateDbContextAsync(Ct);
        var careHome = await db.Organisations.SingleAsync(o => o.Sor == Domain.Organisations.SorCode.Parse(DemoOrganisations.CareHomeSor), Ct);
        var worker = await factory.ActorAsync("carehome.worker", Ct);
        Assert.Equal(careHome.Id, worker.OrganisationId);
        Assert.Equal(UserRole.MunicipalCareWorker, worker.Role);
    }
}

public sealed class MedicationAdministrationTests_Sqlite(SqliteAppFactory factory) : MedicationAdministrationTests(factory), IClassFixture<SqliteAppFactory>;

public sealed class MedicationAdministrationTests_PostgreSql(PostgreSqlAppFactory factory) : MedicationAdministrationTests(factory), IClassFixture<PostgreSqlAppFactory>;
