using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Common;
using CareWorkspace.Domain.Medicines.Allergies;
using CareWorkspace.Domain.Medicines.Checks;
using CareWorkspace.Infrastructure.Realtime;
using CareWorkspace.IntegrationTests.Infrastructure;
using CareWorkspace.Web.Features.Medicines.Allergies;
using Microsoft.Extensions.DependencyInjection;

namespace CareWorkspace.IntegrationTests;

/// <summary>The allergy (CAVE) register through its service: recorded, changed with history, signalled, stale edits and refusals.</summary>
public abstract class AllergyRegisterServiceTests(CareAppFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static AllergyDetails Details(string substance, string? atc = null, AllergyCertainty certainty = AllergyCertainty.Confirmed) =>
        new(substance, atc, "Urticaria", AllergySeverity.Severe, certainty);

    [Fact]
    public async Task The_GP_records_an_allergy_it_is_stored_active_with_who_and_when_and_signalled_to_the_medication_section()
    {
        var jensId = await factory.JensIdAsync(Ct);
        var gp = await factory.ActorAsync("gp.larsen", Ct);
        var notifier = factory.Services.GetRequiredService<IPathwayNotifier>();
        using var probe = new ChangeProbe<int>(notifier, jensId, PatientSection.Medication, _ => Task.FromResult(0));

        var id = await Service(s => s.RecordAsync(gp, jensId, Details("Cefuroxim", "j01dc"), Ct));

        var (change, _) = await probe.ArrivalAsync(id, Ct);
        Assert.Equal(gp.UserId, change.ByUserId);
        var view = await GetAsync(gp, jensId);
        var entry = view.Entries.Single(e => e.Id == id);
        Assert.Equal(("Cefuroxim (J01DC)", AllergyStatus.Active, AllergySource.Local, 1), (entry.Name, entry.Status, entry.Source, entry.Revision));
        Assert.StartsWith("Peter Larsen", entry.RecordedBy, StringComparison.Ordinal);
        Assert.Contains(view.Active, e => e.Id == id);
        Assert.Equal((true, true), (view.Can.Record, view.Can.Change));
    }

    [Fact]
    public async Task Every_change_is_kept_and_an_earlier_version_reads_as_it_was()
    {
        var jensId = await factory.JensIdAsync(Ct);
        var gp = await factory.ActorAsync("gp.larsen", Ct);
        var doctor = await factory.ActorAsync("hospital.doctor", Ct);
        var id = await Service(s => s.RecordAsync(gp, jensId, Details("Codein", null, AllergyCertainty.Suspected), Ct));
        var opened = await EntryAsync(doctor, jensId, id);

        await Service(s => s.ChangeAsync(doctor, jensId, id, opened.Version, opened.Details with { Certainty = AllergyCertainty.Confirmed, AtcCode = "R05DA04" }, Ct));
        var changed = await EntryAsync(gp, jensId, id);
        await Service(s => s.ChangeStatusAsync(gp, jensId, id, changed.Version, AllergyStatus.Resolved, "Tolerated at test", Ct));

        var history = await Service(s => s.GetHistoryAsync(gp, jensId, id, Ct));
        Assert.Equal([3, 2, 1], history.Select(v => v.Number));
        Assert.Equal(new AllergyChange(AllergyChangeKind.StatusChanged, "Active", "Resolved"), history[0].Changes.Single());
        Assert.Contains(new AllergyChange(AllergyChangeKind.CertaintyChanged, "Suspected", "Confirmed"), history[1].Changes);
        Assert.Contains(new AllergyChange(AllergyChangeKind.AtcCodeChanged, null, "R05DA04"), history[1].Changes);
        Assert.NotEqual(history[1].ChangedBy, history[0].ChangedBy);
        Assert.Equal((AllergyCertainty.Suspected, (string?)null, AllergyStatus.Active), (history[2].Entry.Certainty, history[2].Entry.AtcCode, history[2].Entry.Status));
        var now = await EntryAsync(gp, jensId, id);
        Assert.Equal((AllergyStatus.Resolved, "Tolerated at test", 3), (now.Status, now.StatusReason, now.Revision));
        Assert.DoesNotContain((await GetAsync(gp, jensId)).Active, e => e.Id == id);
    }

    [Fact]
    public async Task Two_clinicians_changing_the_same_version_at_once_one_is_saved_the_other_refused_as_stale()
    {
        var jensId = await factory.JensIdAsync(Ct);
        var gp = await factory.ActorAsync("gp.larsen", Ct);
        var doctor = await factory.ActorAsync("hospital.doctor", Ct);
        var id = await Service(s => s.RecordAsync(gp, jensId, Details("Tramadol"), Ct));
        var opened = await EntryAsync(gp, jensId, id);

        var results = await Task.WhenAll(
            Attempt(() => Service(s => s.ChangeAsync(gp, jensId, id, opened.Version, opened.Details with { Reaction = "Nausea" }, Ct))),
            Attempt(() => Service(s => s.ChangeAsync(doctor, jensId, id, opened.Version, opened.Details with { Reaction = "Vomiting" }, Ct))));

        Assert.Single(results, r => r is null);
        Assert.IsType<StaleEditException>(Assert.Single(results, r => r is not null));
        var now = await EntryAsync(gp, jensId, id);
        Assert.Equal(2, now.Revision);
        Assert.Contains(now.Reaction, new[] { "Nausea", "Vomiting" });
        Assert.Equal(2, (await Service(s => s.GetHistoryAsync(gp, jensId, id, Ct))).Count);
    }

    [Fact]
    public async Task A_stale_change_is_refused_with_who_changed_it_and_nothing_of_it_is_saved()
    {
        var jensId = await factory.JensIdAsync(Ct);
        var gp = await factory.ActorAsync("gp.larsen", Ct);
        var doctor = await factory.ActorAsync("hospital.doctor", Ct);
        var id = await Service(s => s.RecordAsync(gp, jensId, Details("Morfin"), Ct));
        var opened = await EntryAsync(doctor, jensId, id);
        await Service(s => s.ChangeAsync(gp, jensId, id, opened.Version, opened.Details with { Reaction = "Itching" }, Ct));

        var ex = await Assert.ThrowsAsync<StaleEditException>(() =>
            Service(s => s.ChangeStatusAsync(doctor, jensId, id, opened.Version, AllergyStatus.EnteredInError, "Wrong patient", Ct)));

        Assert.StartsWith("Peter Larsen", ex.ChangedBy, StringComparison.Ordinal);
        Assert.Equal("Itching", ex.CurrentValues["Reaction"]);
        Assert.Equal(AllergyStatus.Active, (await EntryAsync(gp, jensId, id)).Status);
    }

    [Fact]
    public async Task A_nurse_outside_the_care_team_is_refused_reading_and_recording_and_it_is_logged()
    {
        var jensId = await factory.JensIdAsync(Ct);
        var stranger = await factory.ActorAsync("nurse.roskilde", Ct);
        var before = await AccessTestData.CountRecordsAsync(factory, stranger.UserId, jensId, allowed: false, PatientSection.Medication, Ct);

        await Assert.ThrowsAsync<PatientAccessDeniedException>(() => GetAsync(stranger, jensId));
        var record = await Assert.ThrowsAsync<PatientAccessDeniedException>(() => Service(s => s.RecordAsync(stranger, jensId, Details("Not mine"), Ct)));

        Assert.Equal(record.Message, await AccessTestData.LatestRefusalAsync(factory, stranger.UserId, jensId, Ct));
        Assert.True(await AccessTestData.CountRecordsAsync(factory, stranger.UserId, jensId, allowed: false, PatientSection.Medication, Ct) >= before + 2);
    }

    [Fact]
    public async Task The_home_care_nurse_on_the_team_reads_the_register_but_may_not_record_or_change_it()
    {
        var jensId = await factory.JensIdAsync(Ct);
        var gp = await factory.ActorAsync("gp.larsen", Ct);
        var nurse = await factory.ActorAsync("nurse.holm", Ct);
        var id = await Service(s => s.RecordAsync(gp, jensId, Details("Diclofenac", "M01AB05"), Ct));

        var view = await GetAsync(nurse, jensId);
        var entry = view.Entries.Single(e => e.Id == id);

        Assert.Equal((false, false), (view.Can.Record, view.Can.Change));
        await Assert.ThrowsAsync<PatientAccessDeniedException>(() => Service(s => s.RecordAsync(nurse, jensId, Details("Latex"), Ct)));
        await Assert.ThrowsAsync<PatientAccessDeniedException>(() =>
            Service(s => s.ChangeStatusAsync(nurse, jensId, id, entry.Version, AllergyStatus.Resolved, null, Ct)));
    }

    [Fact]
    public async Task A_malformed_ATC_code_is_refused_logged_and_nothing_is_stored()
    {
        var jensId = await factory.JensIdAsync(Ct);
        var gp = await factory.ActorAsync("gp.larsen", Ct);
        var before = (await GetAsync(gp, jensId)).Entries.Count;

        var ex = await Assert.ThrowsAsync<DomainException>(() => Service(s => s.RecordAsync(gp, jensId, Details("Something", "J1C"), Ct)));

        Assert.Contains("'J1C' is not an ATC code", ex.Message, StringComparison.Ordinal);
        Assert.Equal(before, (await GetAsync(gp, jensId)).Entries.Count);
        Assert.Contains("is not an ATC code", await AccessTestData.LatestRefusalAsync(factory, gp.UserId, jensId, Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_drug_in_a_registered_class_raises_an_allergy_alert()
    {
        var jensId = await factory.JensIdAsync(Ct);
        var gp = await factory.ActorAsync("gp.larsen", Ct);
        var id = await Service(s => s.RecordAsync(gp, jensId, new AllergyDetails(null, "J01MA", "Tendinitis", AllergySeverity.Moderate, AllergyCertainty.Suspected), Ct));

        var alerts = await PrescribingCheckAsync(jensId, new CheckedDrug("Ciprofloxacin", "J01MA02"));

        var alert = Assert.Single(alerts, a => a.RuleId == AllergyCheck.RulePrefix + id.ToString("D"));
        Assert.Equal((MedicationAlertKind.Allergy, AlertSeverity.Moderate), (alert.Kind, alert.Severity));
        Assert.Contains("suspected", alert.Arguments);
    }

    [Fact]
    public async Task The_demo_gives_Jens_a_confirmed_penicillin_allergy_that_amoxicillin_alerts_on()
    {
        var jensId = await factory.JensIdAsync(Ct);
        var jens = await factory.ActorAsync("jens", Ct);
        var gp = await factory.ActorAsync("gp.larsen", Ct);

        var view = await GetAsync(jens, jensId);

        var penicillins = Assert.Single(view.Entries, e => e.AtcCode == "J01C");
        Assert.Equal(("Penicilliner (J01C)", AllergyCertainty.Confirmed, AllergyStatus.Active), (penicillins.Name, penicillins.Certainty, penicillins.Status));
        Assert.Contains("urticaria", penicillins.Reaction, StringComparison.Ordinal);
        Assert.Equal((false, false), (view.Can.Record, view.Can.Change));
        Assert.Contains(await Service(s => s.GetBannerAsync(jens, jensId, Ct)), e => e.Id == penicillins.Id);
        var alerts = await PrescribingCheckAsync(jensId, new CheckedDrug("Amoxicillin \"Sandoz\"", "J01CA04"));
        Assert.Contains(alerts, a => a.RuleId == AllergyCheck.RulePrefix + penicillins.Id.ToString("D") && a.Why == AllergyCheck.ClassWhy);
    }

    [Fact]
    public async Task The_banner_is_empty_without_a_refusal_logged_for_a_relative_whose_consent_leaves_out_the_medication()
    {
        var jensId = await factory.JensIdAsync(Ct);
        var ulla = await factory.ActorAsync("ulla", Ct);
        var before = await AccessTestData.CountRecordsAsync(factory, ulla.UserId, jensId, allowed: false, PatientSection.Medication, Ct);

        var banner = await Service(s => s.GetBannerAsync(ulla, jensId, Ct));

        Assert.Empty(banner);
        Assert.Equal(before, await AccessTestData.CountRecordsAsync(factory, ulla.UserId, jensId, allowed: false, PatientSection.Medication, Ct));
    }

    /// <summary>The register's check as prescribing runs it (inside the prescribing service's guarded read).</summary>
    private async Task<IReadOnlyList<MedicationAlert>> PrescribingCheckAsync(Guid patientId, CheckedDrug drug)
    {
        await using var db = await factory.CreateDbContextAsync(Ct);
        return await new AllergyPrescribingCheck().CheckAsync(db, patientId, drug, Ct);
    }

    private static async Task<Exception?> Attempt(Func<Task> change)
    {
        try
        {
            await change();
            return null;
        }
        catch (Exception ex)
        {
            return ex;
        }
    }

    private async Task<AllergyItem> EntryAsync(Actor actor, Guid patientId, Guid id) => (await GetAsync(actor, patientId)).Entries.Single(e => e.Id == id);

    private Task<AllergyRegisterView> GetAsync(Actor actor, Guid patientId) =>
        factory.CallAsync<AllergyRegisterService, AllergyRegisterView>(s => s.GetAsync(actor, patientId, Ct));

    private Task<T> Service<T>(Func<AllergyRegisterService, Task<T>> call) => factory.CallAsync(call);

    private Task Service(Func<AllergyRegisterService, Task> call) => factory.CallAsync(call);
}

public sealed class AllergyRegisterServiceTests_Sqlite(SqliteAppFactory factory) : AllergyRegisterServiceTests(factory), IClassFixture<SqliteAppFactory>;

public sealed class AllergyRegisterServiceTests_PostgreSql(PostgreSqlAppFactory factory) : AllergyRegisterServiceTests(factory), IClassFixture<PostgreSqlAppFactory>;
