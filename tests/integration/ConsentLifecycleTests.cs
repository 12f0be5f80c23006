using System.Globalization;
using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Common;
using CareWorkspace.Domain.Pathway;
using CareWorkspace.Infrastructure.Access;
using CareWorkspace.IntegrationTests.Infrastructure;
using CareWorkspace.Web.Features.CareTeam;
using CareWorkspace.Web.Features.Consents;
using CareWorkspace.Web.Features.Messages;
using CareWorkspace.Web.Features.Patients;
using CareWorkspace.Web.Features.Timeline;
using CareWorkspace.Web.Localization;
using Microsoft.Extensions.DependencyInjection;

namespace CareWorkspace.IntegrationTests;

/// <summary>
/// The patient grants and withdraws a relative's access with scopes and an end date; staff do it on the patient's
/// behalf with a reason. Withdrawal ends access at once, and scopes hold in search and on the timeline.
/// </summary>
public abstract class ConsentLifecycleTests(CareAppFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_patient_grants_a_relative_chosen_sections_and_withdrawing_ends_the_access_at_once()
    {
        var jensId = await factory.JensIdAsync(Ct);
        var jens = await factory.ActorAsync("jens", Ct);
        var (relative, _, _) = await AccessTestData.NewRelativeAsync(factory, jensId, Ct);

        var consentId = await Consents(s => s.GrantAsync(jens, jensId, new ConsentInput(relative.UserId, [PatientSection.CareTeam], null, null), Ct));

        var careTeam = await CareTeam(s => s.GetAsync(relative, jensId, Ct));
        Assert.NotEmpty(careTeam.Members);
        await Assert.ThrowsAsync<PatientAccessDeniedException>(() => Timeline(relative, jensId));
        var view = await Consents(s => s.GetAsync(jens, jensId, Ct));
        var consent = Assert.Single(view.Consents, c => c.Id == consentId);
        Assert.True(consent.IsActive);
        Assert.StartsWith("Jens Jensen", consent.GivenBy);

        await Consents(s => s.WithdrawAsync(jens, jensId, consentId, null, Ct));

        var ex = await Assert.ThrowsAsync<PatientAccessDeniedException>(() => CareTeam(s => s.GetAsync(relative, jensId, Ct)));
        Assert.Contains("no active consent", ex.Message, StringComparison.Ordinal);
        Assert.False(Assert.Single((await Consents(s => s.GetAsync(jens, jensId, Ct))).Consents, c => c.Id == consentId).IsActive);
    }

    [Fact]
    public async Task Staff_on_the_patients_behalf_must_give_a_reason_and_it_is_kept()
    {
        var jensId = await factory.JensIdAsync(Ct);
        var nurse = await factory.ActorAsync("nurse.holm", Ct);
        var (relative, _, _) = await AccessTestData.NewRelativeAsync(factory, jensId, Ct);
        var input = new ConsentInput(relative.UserId, [PatientSection.Timeline], null, null);

        var ex = await Assert.ThrowsAsync<DomainException>(() => Consents(s => s.GrantAsync(nurse, jensId, input, Ct)));
        Assert.Contains("reason", ex.Message, StringComparison.Ordinal);
        AssertShownInDanish(ex.Message);
        Assert.Equal(ex.Message, await AccessTestData.LatestRefusalAsync(factory, nurse.UserId, jensId, Ct));
        Assert.DoesNotContain((await Consents(s => s.GetAsync(nurse, jensId, Ct))).Consents, c => c.RelativeUserId == relative.UserId);

        var id = await Consents(s => s.GrantAsync(nurse, jensId, input with { Reason = "Jens asked at the home visit" }, Ct));
        Assert.Equal("Jens asked at the home visit", Assert.Single((await Consents(s => s.GetAsync(nurse, jensId, Ct))).Consents, c => c.Id == id).GivenReason);
    }

    [Fact]
    public async Task A_care_worker_may_see_the_consents_but_not_change_them()
    {
        var jensId = await factory.JensIdAsync(Ct);
        var careWorker = await factory.ActorAsync("careworker.berg", Ct);
        var (relative, _, _) = await AccessTestData.NewRelativeAsync(factory, jensId, Ct);

        var view = await Consents(s => s.GetAsync(careWorker, jensId, Ct));
        Assert.False(view.CanGrant);
        Assert.False(view.CanWithdraw);
        await Assert.ThrowsAsync<PatientAccessDeniedException>(() =>
            Consents(s => s.GrantAsync(careWorker, jensId, new ConsentInput(relative.UserId, [PatientSection.Timeline], null, "asked"), Ct)));
    }

    [Fact]
    public async Task Consent_for_someone_who_is_not_a_relative_is_refused_and_logged()
    {
        var jensId = await factory.JensIdAsync(Ct);
        var jens = await factory.ActorAsync("jens", Ct);
        var stranger = await factory.ActorAsync("nurse.roskilde", Ct);

        var ex = await Assert.ThrowsAsync<DomainException>(() =>
            Consents(s => s.GrantAsync(jens, jensId, new ConsentInput(stranger.UserId, [PatientSection.Timeline], null, null), Ct)));

        Assert.Contains("registered as this patient's relative", ex.Message, StringComparison.Ordinal);
        AssertShownInDanish(ex.Message);
        Assert.Equal(ex.Message, await AccessTestData.LatestRefusalAsync(factory, jens.UserId, jensId, Ct));
    }

    [Theory]
    [InlineData(PatientSection.Consents, "cannot grant Consents")]
    [InlineData((PatientSection)42, "no section 42")]
    public async Task A_scope_that_cannot_be_shared_is_refused(PatientSection scope, string message)
    {
        var jensId = await factory.JensIdAsync(Ct);
        var jens = await factory.ActorAsync("jens", Ct);
        var (relative, _, _) = await AccessTestData.NewRelativeAsync(factory, jensId, Ct);

        var ex = await Assert.ThrowsAsync<DomainException>(() =>
            Consents(s => s.GrantAsync(jens, jensId, new ConsentInput(relative.UserId, [PatientSection.Timeline, scope], null, null), Ct)));

        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain((await Consents(s => s.GetAsync(jens, jensId, Ct))).Consents, c => c.RelativeUserId == relative.UserId);
    }

    [Fact]
    public async Task An_end_date_in_the_past_is_refused()
    {
        var jensId = await factory.JensIdAsync(Ct);
        var jens = await factory.ActorAsync("jens", Ct);
        var (relative, _, _) = await AccessTestData.NewRelativeAsync(factory, jensId, Ct);
        var yesterday = CopenhagenTime.Today(TimeProvider.System).AddDays(-1);

        var ex = await Assert.ThrowsAsync<DomainException>(() =>
            Consents(s => s.GrantAsync(jens, jensId, new ConsentInput(relative.UserId, [PatientSection.Timeline], yesterday, null), Ct)));

        Assert.Contains("already passed", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_forged_consent_id_is_refused_and_logged()
    {
        var jensId = await factory.JensIdAsync(Ct);
        var jens = await factory.ActorAsync("jens", Ct);

        var ex = await Assert.ThrowsAsync<DomainException>(() => Consents(s => s.WithdrawAsync(jens, jensId, Guid.NewGuid(), null, Ct)));

        Assert.Contains("does not belong to this patient", ex.Message, StringComparison.Ordinal);
        AssertShownInDanish(ex.Message);
        Assert.Equal(ex.Message, await AccessTestData.LatestRefusalAsync(factory, jens.UserId, jensId, Ct));
    }

    [Fact]
    public async Task Removing_a_relative_from_the_contacts_withdraws_their_consent()
    {
        var jensId = await factory.JensIdAsync(Ct);
        var jens = await factory.ActorAsync("jens", Ct);
        var gp = await factory.ActorAsync("gp.larsen", Ct);
        var (relative, _, relativeId) = await AccessTestData.NewRelativeAsync(factory, jensId, Ct);
        await Consents(s => s.GrantAsync(jens, jensId, new ConsentInput(relative.UserId, [PatientSection.CareTeam], null, null), Ct));
        var version = (await CareTeam(s => s.GetAsync(gp, jensId, Ct))).Relatives!.Single(r => r.Id == relativeId).Version;

        await CareTeam(s => s.RemoveRelativeAsync(gp, jensId, relativeId, version, Ct));

        await Assert.ThrowsAsync<PatientAccessDeniedException>(() => CareTeam(s => s.GetAsync(relative, jensId, Ct)));
        var withdrawn = Assert.Single((await Consents(s => s.GetAsync(jens, jensId, Ct))).Consents, c => c.RelativeUserId == relative.UserId);
        Assert.Equal("Removed from the patient's relatives.", withdrawn.WithdrawnReason);
    }

    [Fact]
    public async Task A_consent_that_ends_today_grants_until_midnight_and_the_watcher_signals_the_day_after()
    {
        var jensId = await factory.JensIdAsync(Ct);
        var jens = await factory.ActorAsync("jens", Ct);
        var (relative, _, _) = await AccessTestData.NewRelativeAsync(factory, jensId, Ct);
        var today = CopenhagenTime.Today(TimeProvider.System);
        await Consents(s => s.GrantAsync(jens, jensId, new ConsentInput(relative.UserId, [PatientSection.CareTeam], today, null), Ct));
        Assert.NotEmpty((await CareTeam(s => s.GetAsync(relative, jensId, Ct))).Members);

        var signals = new List<Guid>();
        var notifier = factory.Services.GetRequiredService<CareWorkspace.Infrastructure.Realtime.IPathwayNotifier>();
        using var subscription = notifier.Subscribe(jensId, PatientSection.Consents, change =>
        {
            lock (signals)
                signals.Add(change.PatientId);
            return Task.CompletedTask;
        });
        var clock = new MovableClock(DateTimeOffset.UtcNow);
        var watcher = ActivatorUtilities.CreateInstance<AccessExpiryWatcher>(factory.Services, (TimeProvider)clock);
        Assert.Equal(0, await watcher.CheckAsync(Ct));
        var tomorrow = CopenhagenTime.StartOf(today.AddDays(1)).AddMinutes(1);
        clock.Now = tomorrow;

        Assert.True(await watcher.CheckAsync(Ct) >= 1);
        await WaitUntilAsync(() => { lock (signals) return signals.Contains(jensId); });
        var relationship = await RelationshipAtAsync(jensId, tomorrow);
        Assert.False(PatientAccessPolicy.Decide(relative, relationship, AccessAction.Read, PatientSection.CareTeam).Allowed);
    }

    [Fact]
    public async Task A_relative_without_Messages_in_the_consent_sees_no_message_events_on_the_timeline()
    {
        var jensId = await factory.JensIdAsync(Ct);
        var jens = await factory.ActorAsync("jens", Ct);
        var gp = await factory.ActorAsync("gp.larsen", Ct);
        var (relative, _, _) = await AccessTestData.NewRelativeAsync(factory, jensId, Ct);
        await using (var scope = factory.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<MessageService>().StartThreadAsync(gp, jensId,
                PathwayTestData.Thread("Shared with the family", sharedWithPatient: true, sharedWithRelatives: true), [], Ct);
        Assert.Contains((await Timeline(gp, jensId)).Entries, e => e.Type == PathwayEventType.Message);

        await Consents(s => s.GrantAsync(jens, jensId, new ConsentInput(relative.UserId, [PatientSection.Timeline], null, null), Ct));
        Assert.DoesNotContain((await Timeline(relative, jensId)).Entries, e => e.Type == PathwayEventType.Message);

        await Consents(s => s.GrantAsync(jens, jensId, new ConsentInput(relative.UserId, [PatientSection.Timeline, PatientSection.Messages], null, null), Ct));
        Assert.Contains((await Timeline(relative, jensId)).Entries, e => e.Type == PathwayEventType.Message);
    }

    [Fact]
    public async Task Search_shows_a_relative_only_the_fields_the_consent_allows()
    {
        var jensId = await factory.JensIdAsync(Ct);
        var jens = await factory.ActorAsync("jens", Ct);
        var (relative, _, _) = await AccessTestData.NewRelativeAsync(factory, jensId, Ct);
        await Consents(s => s.GrantAsync(jens, jensId, new ConsentInput(relative.UserId, [PatientSection.Timeline], null, null), Ct));

        var hit = Assert.Single((await Search(relative, "")).Items);
        Assert.Equal("Jens Jensen", hit.Name);
        Assert.Null(hit.Cpr);
        Assert.Null(hit.Age);
        Assert.Null(hit.City);
        Assert.Empty((await Search(relative, "120352-1235")).Items);

        await Consents(s => s.GrantAsync(jens, jensId, new ConsentInput(relative.UserId, [PatientSection.Timeline, PatientSection.MasterData], null, null), Ct));
        var full = Assert.Single((await Search(relative, "120352-1235")).Items);
        Assert.Equal("120352-1235", full.Cpr);
    }

    private async Task<PatientSearchResult> Search(Actor actor, string text)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PatientDirectoryService>().SearchAsync(actor, text, 0, 20, Ct);
    }

    private async Task<TimelinePage> Timeline(Actor actor, Guid patientId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<TimelineService>().GetAsync(actor, patientId, new TimelineFilter(), 0, 100, Ct);
    }

    private async Task<PatientRelationship> RelationshipAtAsync(Guid patientId, DateTimeOffset at)
    {
        await using var db = await factory.CreateDbContextAsync(Ct);
        var guard = ActivatorUtilities.CreateInstance<PatientAccessGuard>(factory.Services, (TimeProvider)new MovableClock(at));
        return (await guard.LoadRelationshipAsync(db, patientId, Ct))!;
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + PathwayTestData.SignalTimeout;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The expected signal did not arrive.");
            await Task.Delay(20, Ct);
        }
    }

    /// <summary>The consent section shows the service's refusal in the reader's language: a Danish text exists for it.</summary>
    private static void AssertShownInDanish(string message)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CareCultures.Danish;
        try
        {
            Assert.False(StaticText.For(typeof(ConsentSection))[message].ResourceNotFound, $"No Danish text for \"{message}\" in ConsentSection.da.resx");
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    private Task<T> Consents<T>(Func<ConsentService, Task<T>> call) => factory.CallAsync(call);

    private Task Consents(Func<ConsentService, Task> call) => factory.CallAsync(call);

    private Task<T> CareTeam<T>(Func<CareTeamService, Task<T>> call) => factory.CallAsync(call);

    private Task CareTeam(Func<CareTeamService, Task> call) => factory.CallAsync(call);
}

/// <summary>A clock a test sets; the rest of the app keeps the system clock.</summary>
public sealed class MovableClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}

public sealed class ConsentLifecycleTests_Sqlite(SqliteAppFactory factory) : ConsentLifecycleTests(factory), IClassFixture<SqliteAppFactory>;

public sealed class ConsentLifecycleTests_PostgreSql(PostgreSqlAppFactory factory) : ConsentLifecycleTests(factory), IClassFixture<PostgreSqlAppFactory>;
