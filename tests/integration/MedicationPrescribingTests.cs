using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Common;
using CareWorkspace.Domain.Medicines;
using CareWorkspace.Domain.Medicines.Allergies;
using CareWorkspace.Domain.Medicines.Checks;
using CareWorkspace.Infrastructure.Realtime;
using CareWorkspace.IntegrationTests.Infrastructure;
using CareWorkspace.Web.Features.Consents;
using CareWorkspace.Web.Features.Medicines;
using CareWorkspace.Web.Features.Medicines.Allergies;
using Microsoft.Extensions.DependencyInjection;

namespace CareWorkspace.IntegrationTests;

/// <summary>Local prescribing through its service: the checks, an override with its reason, who may prescribe, and stale changes.</summary>
public abstract class MedicationPrescribingTests(CareAppFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Ibuprofen_for_a_patient_on_warfarin_raises_the_interaction_it_needs_a_reason_and_the_override_is_stored_and_shown()
    {
        var jensId = await factory.JensIdAsync(Ct);
        var gp = await factory.ActorAsync("gp.larsen", Ct);
        var unique = PathwayTestData.Unique();
        var warfarinId = await Service(s => s.PrescribeAsync(gp, jensId, Drug("Marevan " + unique, "B01AA03"), "Earlier alerts of other tests", Ct));
        var ibuprofen = Drug("Ibuprofen " + unique, "M01AE01") with { DailyDoseAmount = 1200m, DailyDoseUnit = "mg" };

        var alerts = await Service(s => s.CheckAsync(gp, jensId, ibuprofen, Ct));

        var bleeding = Assert.Single(alerts, a => a.RuleId == "warfarin-nsaid");
        Assert.Equal((MedicationAlertKind.Interaction, AlertSeverity.Major), (bleeding.Kind, bleeding.Severity));
        Assert.Contains("Marevan " + unique, bleeding.Why, StringComparison.Ordinal);
        Assert.Contains("paracetamol", bleeding.Advice, StringComparison.Ordinal);
        Assert.Contains("interaktionsdatabasen.dk", bleeding.Literature, StringComparison.Ordinal);

        var refused = await Assert.ThrowsAsync<DomainException>(() => Service(s => s.PrescribeAsync(gp, jensId, ibuprofen, "  ", Ct)));
        Assert.StartsWith("The checks raised", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain((await ListAsync(gp, jensId)).Active, i => i.DrugName == ibuprofen.DrugName);

        var notifier = factory.Services.GetRequiredService<IPathwayNotifier>();
        using var probe = new ChangeProbe<int>(notifier, jensId, PatientSection.Medication, _ => Task.FromResult(0));
        var id = await Service(s => s.PrescribeAsync(gp, jensId, ibuprofen, "Short course for gout; INR checked on Friday", Ct));

        await probe.ArrivalAsync(id, Ct);
        var list = await ListAsync(gp, jensId);
        var entry = list.Active.Single(i => i.Id == id);
        Assert.Equal((MedicationSource.Local, 1200m, "mg"), (entry.Source, entry.DailyDoseAmount, entry.DailyDoseUnit));
        Assert.StartsWith("Peter Larsen", entry.Prescriber, StringComparison.Ordinal);
        var overridden = Assert.Single(entry.Overrides, o => o.RuleId == "warfarin-nsaid");
        Assert.Equal(("Short course for gout; INR checked on Friday", AlertSeverity.Major), (overridden.Reason, overridden.Severity));
        Assert.StartsWith("Peter Larsen", overridden.By, StringComparison.Ordinal);
        Assert.Contains(entry.Alerts, a => a.RuleId == "warfarin-nsaid");
        Assert.Contains(list.Active.Single(i => i.Id == warfarinId).Alerts, a => a.RuleId == "warfarin-nsaid");
        Assert.Equal((true, true), (list.Can.Prescribe, list.Can.Change));

        await StopAsync(gp, jensId, id);
        await StopAsync(gp, jensId, warfarinId);
    }

    [Fact]
    public async Task A_drug_in_a_class_of_the_allergy_register_raises_an_allergy_alert_when_prescribed_and_stays_flagged_on_the_list()
    {
        var jensId = await factory.JensIdAsync(Ct);
        var gp = await factory.ActorAsync("gp.larsen", Ct);
        var unique = PathwayTestData.Unique();
        var allergyId = await factory.CallAsync<AllergyRegisterService, Guid>(s => s.RecordAsync(gp, jensId,
            new AllergyDetails(null, "J01FA", "Udslæt " + unique, AllergySeverity.Moderate, AllergyCertainty.Suspected), Ct));
        var clarithromycin = Drug("Klacid " + unique, "J01FA09");

        var alerts = await Service(s => s.CheckAsync(gp, jensId, clarithromycin, Ct));

        var allergy = Assert.Single(alerts, a => a.Kind == MedicationAlertKind.Allergy);
        Assert.Equal(("allergy:" + allergyId.ToString("D"), AlertSeverity.Moderate), (allergy.RuleId, allergy.Severity));
        Assert.Contains("J01FA09", allergy.Why, StringComparison.Ordinal);
        Assert.Contains("suspected", allergy.Why, StringComparison.Ordinal);
        await Assert.ThrowsAsync<DomainException>(() => Service(s => s.PrescribeAsync(gp, jensId, clarithromycin, null, Ct)));

        var id = await Service(s => s.PrescribeAsync(gp, jensId, clarithromycin, "Rash years ago was probably viral; no alternative", Ct));

        var entry = (await ListAsync(gp, jensId)).Active.Single(i => i.Id == id);
        Assert.Contains(entry.Overrides, o => o.RuleId == allergy.RuleId && o.Reason == "Rash years ago was probably viral; no alternative");
        Assert.Contains(entry.Alerts, a => a.Kind == MedicationAlertKind.Allergy && a.RuleId == allergy.RuleId);

        // Once the register entry is resolved, the list no longer flags the drug for it.
        var item = (await factory.CallAsync<AllergyRegisterService, AllergyRegisterView>(s => s.GetAsync(gp, jensId, Ct))).Active.Single(a => a.Id == allergyId);
        await factory.CallAsync<AllergyRegisterService>(s => s.ChangeStatusAsync(gp, jensId, allergyId, item.Version, AllergyStatus.Resolved, null, Ct));
        Assert.DoesNotContain((await ListAsync(gp, jensId)).Active.Single(i => i.Id == id).Alerts, a => a.RuleId == allergy.RuleId);
        await StopAsync(gp, jensId, id);
    }

    [Fact]
    public async Task An_unknown_ATC_code_or_an_impossible_dose_unit_is_refused_before_anything_is_stored()
    {
        var jensId = await factory.JensIdAsync(Ct);
        var gp = await factory.ActorAsync("gp.larsen", Ct);

        var atc = await Assert.ThrowsAsync<DomainException>(() => Service(s => s.CheckAsync(gp, jensId, Drug("Something", "X99XX99"), Ct)));
        var unit = await Assert.ThrowsAsync<DomainException>(() => Service(s => s.PrescribeAsync(gp, jensId,
            Drug("Panodil", "N02BE01") with { DailyDoseAmount = 4m, DailyDoseUnit = "tablets" }, "A reason", Ct)));

        Assert.Contains("'X99XX99' is not a known ATC code", atc.Message, StringComparison.Ordinal);
        Assert.Contains("'tablets' is not a unit a dose can be given in", unit.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_relative_and_the_patient_read_the_list_but_may_not_check_or_prescribe()
    {
        var jensId = await factory.JensIdAsync(Ct);
        var gp = await factory.ActorAsync("gp.larsen", Ct);
        var jens = await factory.ActorAsync("jens", Ct);
        var (relative, _, _) = await AccessTestData.NewRelativeAsync(factory, jensId, Ct);
        await factory.CallAsync<ConsentService, Guid>(s => s.GrantAsync(gp, jensId,
            new ConsentInput(relative.UserId, [PatientSection.MasterData, PatientSection.Medication], null, "Prescribing test"), Ct));

        foreach (var reader in new[] { relative, jens })
        {
            var view = await ListAsync(reader, jensId);
            Assert.Equal((false, false), (view.Can.Prescribe, view.Can.Change));
            await Assert.ThrowsAsync<PatientAccessDeniedException>(() => Service(s => s.CheckAsync(reader, jensId, Drug("Ibuprofen", "M01AE01"), Ct)));
            await Assert.ThrowsAsync<PatientAccessDeniedException>(() =>
                Service(s => s.PrescribeAsync(reader, jensId, Drug("Ibuprofen " + PathwayTestData.Unique(), "M01AE01"), "Own idea", Ct)));
        }
    }

    [Fact]
    public async Task A_pause_resume_and_stop_each_name_the_version_seen_and_a_stale_one_is_refused()
    {
        var jensId = await factory.JensIdAsync(Ct);
        var gp = await factory.ActorAsync("gp.larsen", Ct);
        var id = await Service(s => s.PrescribeAsync(gp, jensId, Drug("Levaxin " + PathwayTestData.Unique(), "H03AA01"), "Any alerts of other tests", Ct));
        var seen = (await ListAsync(gp, jensId)).Active.Single(i => i.Id == id).Version;

        await Service(s => s.PauseAsync(gp, jensId, id, seen, Ct));
        var stale = await Assert.ThrowsAsync<StaleEditException>(() => Service(s => s.StopAsync(gp, jensId, id, seen, Ct)));
        Assert.StartsWith("Peter Larsen", stale.ChangedBy, StringComparison.Ordinal);

        var paused = (await ListAsync(gp, jensId)).Paused.Single(i => i.Id == id);
        await Service(s => s.ResumeAsync(gp, jensId, id, paused.Version, Ct));
        await StopAsync(gp, jensId, id);

        var stopped = (await ListAsync(gp, jensId)).Stopped.Single(i => i.Id == id);
        Assert.NotNull(stopped.End);
        await Assert.ThrowsAsync<DomainException>(() => Service(s => s.ResumeAsync(gp, jensId, id, stopped.Version, Ct)));
    }

    private async Task StopAsync(Actor actor, Guid patientId, Guid id)
    {
        var item = (await ListAsync(actor, patientId)).Active.Single(i => i.Id == id);
        await Service(s => s.StopAsync(actor, patientId, id, item.Version, Ct));
    }

    private static LocalPrescription Drug(string name, string atc) =>
        new(name, atc, "400 mg", "tabletter", "1 tablet 3 gange dagligt", null, null, false, "Oral anvendelse", "smerter", CalendarTestData.NextDay(), null, null);

    private Task<MedicationView> ListAsync(Actor actor, Guid patientId) =>
        factory.CallAsync<MedicationListService, MedicationView>(s => s.GetAsync(actor, patientId, Ct));

    private Task<T> Service<T>(Func<MedicationPrescribingService, Task<T>> call) => factory.CallAsync(call);

    private Task Service(Func<MedicationPrescribingService, Task> call) => factory.CallAsync(call);
}

public sealed class MedicationPrescribingTests_Sqlite(SqliteAppFactory factory) : MedicationPrescribingTests(factory), IClassFixture<SqliteAppFactory>;

public sealed class MedicationPrescribingTests_PostgreSql(PostgreSqlAppFactory factory) : MedicationPrescribingTests(factory), IClassFixture<PostgreSqlAppFactory>;
