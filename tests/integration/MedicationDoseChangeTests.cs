using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Common;
using CareWorkspace.Domain.Medicines;
using CareWorkspace.Domain.Medicines.Checks;
using CareWorkspace.Infrastructure.Realtime;
using CareWorkspace.IntegrationTests.Infrastructure;
using CareWorkspace.Web.Features.Medicines;
using Microsoft.Extensions.DependencyInjection;

namespace CareWorkspace.IntegrationTests;

/// <summary>Changing the dose of a current medication: the checks on the new dose, an override with its reason, the dose history, stale changes and who may change.</summary>
public abstract class MedicationDoseChangeTests(CareAppFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_dose_above_the_maximum_raises_the_alert_needs_a_reason_and_the_change_is_in_the_history_signalled_live()
    {
        var jensId = await factory.JensIdAsync(Ct);
        var gp = await factory.ActorAsync("gp.larsen", Ct);
        var id = await PrescribeAllopurinolAsync(gp, jensId);
        var seen = (await ListAsync(gp, jensId)).Active.Single(i => i.Id == id);
        var higher = new NewDose("2 tabletter 2 gange dagligt", "300 mg", 1200m, "mg", seen.Start!.Value, "Urate still above target");

        var alerts = await Service(s => s.CheckDoseAsync(gp, jensId, id, higher, Ct));

        var maximum = Assert.Single(alerts, a => a.RuleId == "allopurinol");
        Assert.Equal(MedicationAlertKind.MaximumDose, maximum.Kind);
        var refused = await Assert.ThrowsAsync<DomainException>(() => Service(s => s.ChangeDoseAsync(gp, jensId, id, seen.Version, higher, null, Ct)));
        Assert.StartsWith("The checks raised", refused.Message, StringComparison.Ordinal);
        Assert.Empty((await ListAsync(gp, jensId)).Active.Single(i => i.Id == id).DoseChanges);

        var notifier = factory.Services.GetRequiredService<IPathwayNotifier>();
        using var probe = new ChangeProbe<int>(notifier, jensId, PatientSection.Medication, _ => Task.FromResult(0));
        await Service(s => s.ChangeDoseAsync(gp, jensId, id, seen.Version, higher, "Two weeks, then urate measured again", Ct));

        await probe.ArrivalAsync(id, Ct);
        var entry = (await ListAsync(gp, jensId)).Active.Single(i => i.Id == id);
        Assert.Equal(("2 tabletter 2 gange dagligt", 1200m, "mg", seen.Start), (entry.DoseText, entry.DailyDoseAmount, entry.DailyDoseUnit, entry.DoseFrom));
        var change = Assert.Single(entry.DoseChanges);
        Assert.Equal(("1 tablet dagligt", 300m, "2 tabletter 2 gange dagligt", 1200m, "Urate still above target"),
            (change.Old.Text, change.Old.DailyAmount, change.New.Text, change.New.DailyAmount, change.Reason));
        Assert.StartsWith("Peter Larsen", change.By, StringComparison.Ordinal);
        Assert.Contains(entry.Overrides, o => o.RuleId == "allopurinol" && o.Reason == "Two weeks, then urate measured again");
        Assert.Contains(entry.Alerts, a => a.RuleId == "allopurinol");

        await StopAsync(gp, jensId, id);
    }

    [Fact]
    public async Task A_stale_dose_change_is_refused_with_who_changed_it_and_the_dose_now_stored_can_be_read_to_try_again()
    {
        var jensId = await factory.JensIdAsync(Ct);
        var gp = await factory.ActorAsync("gp.larsen", Ct);
        var id = await PrescribeAllopurinolAsync(gp, jensId);
        var seen = (await ListAsync(gp, jensId)).Active.Single(i => i.Id == id);
        var first = new NewDose("2 tabletter dagligt", "300 mg", 600m, "mg", seen.Start!.Value, "Urate above target");
        var second = new NewDose("1 tablet 3 gange dagligt", "300 mg", 900m, "mg", seen.Start!.Value, "Urate far above target");
        await Service(s => s.ChangeDoseAsync(gp, jensId, id, seen.Version, first, null, Ct));

        var stale = await Assert.ThrowsAsync<StaleEditException>(() => Service(s => s.ChangeDoseAsync(gp, jensId, id, seen.Version, second, null, Ct)));

        Assert.StartsWith("Peter Larsen", stale.ChangedBy, StringComparison.Ordinal);
        Assert.Equal("2 tabletter dagligt", stale.CurrentValues["Dose"]);
        var now = await Service(s => s.GetDoseAsync(gp, jensId, id, Ct));
        Assert.Equal(("2 tabletter dagligt", 600m), (now.DoseText, now.DailyDoseAmount));
        await Service(s => s.ChangeDoseAsync(gp, jensId, id, now.Version, second, null, Ct));
        Assert.Equal(2, (await ListAsync(gp, jensId)).Active.Single(i => i.Id == id).DoseChanges.Count);

        await StopAsync(gp, jensId, id);
    }

    [Fact]
    public async Task An_impossible_unit_is_refused_and_only_prescribers_may_change_a_dose()
    {
        var jensId = await factory.JensIdAsync(Ct);
        var gp = await factory.ActorAsync("gp.larsen", Ct);
        var id = await PrescribeAllopurinolAsync(gp, jensId);
        var seen = (await ListAsync(gp, jensId)).Active.Single(i => i.Id == id);
        var lower = new NewDose("½ tablet dagligt", "300 mg", 150m, "mg", seen.Start!.Value, "Kidney function lower");

        var unit = await Assert.ThrowsAsync<DomainException>(() =>
            Service(s => s.ChangeDoseAsync(gp, jensId, id, seen.Version, lower with { DailyDoseUnit = "tabletter" }, null, Ct)));
        Assert.Contains("'tabletter' is not a unit a dose can be given in", unit.Message, StringComparison.Ordinal);

        foreach (var user in new[] { "nurse.holm", "jens" })
        {
            var other = await factory.ActorAsync(user, Ct);
            await Assert.ThrowsAsync<PatientAccessDeniedException>(() => Service(s => s.CheckDoseAsync(other, jensId, id, lower, Ct)));
            await Assert.ThrowsAsync<PatientAccessDeniedException>(() => Service(s => s.ChangeDoseAsync(other, jensId, id, seen.Version, lower, null, Ct)));
        }
        var unchanged = (await ListAsync(gp, jensId)).Active.Single(i => i.Id == id);
        Assert.Equal((300m, 0), (unchanged.DailyDoseAmount, unchanged.DoseChanges.Count));

        await StopAsync(gp, jensId, id);
    }

    private Task<Guid> PrescribeAllopurinolAsync(Actor gp, Guid jensId) =>
        Service(s => s.PrescribeAsync(gp, jensId, new LocalPrescription("Allopurinol " + PathwayTestData.Unique(), "M04AA01", "300 mg", "tabletter",
            "1 tablet dagligt", 300m, "mg", false, "Oral anvendelse", "urinsyregigt", CalendarTestData.NextDay(), null, null), "Any alerts of other tests", Ct));

    private async Task StopAsync(Actor actor, Guid patientId, Guid id)
    {
        var item = (await ListAsync(actor, patientId)).Active.Single(i => i.Id == id);
        await Service(s => s.StopAsync(actor, patientId, id, item.Version, Ct));
    }

    private Task<MedicationView> ListAsync(Actor actor, Guid patientId) =>
        factory.CallAsync<MedicationListService, MedicationView>(s => s.GetAsync(actor, patientId, Ct));

    private Task<T> Service<T>(Func<MedicationPrescribingService, Task<T>> call) => factory.CallAsync(call);

    private Task Service(Func<MedicationPrescribingService, Task> call) => factory.CallAsync(call);
}

public sealed class MedicationDoseChangeTests_Sqlite(SqliteAppFactory factory) : MedicationDoseChangeTests(factory), IClassFixture<SqliteAppFactory>;

public sealed class MedicationDoseChangeTests_PostgreSql(PostgreSqlAppFactory factory) : MedicationDoseChangeTests(factory), IClassFixture<PostgreSqlAppFactory>;
