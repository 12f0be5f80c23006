using System.Globalization;
using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Common;
using CareWorkspace.Domain.Pathway;
using CareWorkspace.IntegrationTests.Infrastructure;
using CareWorkspace.Web.Features.CareTeam;
using CareWorkspace.Web.Features.Timeline;
using CareWorkspace.Web.Localization;
using Microsoft.Extensions.DependencyInjection;

namespace CareWorkspace.IntegrationTests;

/// <summary>Who may change who has access: the role matrix, reasons on the timeline, no reopening, refusals logged.</summary>
public abstract class CareTeamAccessTests(CareAppFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_care_worker_reads_the_care_team_but_is_refused_ending_a_membership_and_the_refusal_is_logged()
    {
        var jensId = await factory.JensIdAsync(Ct);
        var careWorker = await factory.ActorAsync("careworker.berg", Ct);
        var view = await GetAsync(careWorker, jensId);
        var hospital = view.Members.First(m => m.OrganisationName.StartsWith("Nordkyst", StringComparison.Ordinal) && m.IsActive);

        Assert.False(view.Can.AddMember);
        Assert.All(view.Members, m => Assert.False(m.CanChange));
        var ex = await Assert.ThrowsAsync<PatientAccessDeniedException>(() =>
            Service(s => s.EndMemberAsync(careWorker, jensId, hospital.Id, hospital.Version, view.Today, Ct)));

        Assert.Contains("MunicipalCareWorker may not change CareTeam", ex.Message, StringComparison.Ordinal);
        Assert.Equal(ex.Message, await AccessTestData.LatestRefusalAsync(factory, careWorker.UserId, jensId, Ct));
        Assert.Null(Member(await GetAsync(careWorker, jensId), hospital.Id).To);
    }

    [Fact]
    public async Task GP_staff_may_change_their_own_practice_but_not_end_the_hospitals_membership()
    {
        var jensId = await factory.JensIdAsync(Ct);
        var secretary = await factory.ActorAsync("gp.secretary", Ct);
        var view = await GetAsync(secretary, jensId);
        var own = view.Members.Single(m => m.OrganisationId == secretary.OrganisationId && m.IsActive);
        var hospital = view.Members.First(m => m.OrganisationName.StartsWith("Nordkyst", StringComparison.Ordinal) && m.IsActive);
        Assert.True(own.CanChange);
        Assert.False(hospital.CanChange);

        var ex = await Assert.ThrowsAsync<PatientAccessDeniedException>(() =>
            Service(s => s.EndMemberAsync(secretary, jensId, hospital.Id, hospital.Version, view.Today, Ct)));
        Assert.Contains("only for its own organisation", ex.Message, StringComparison.Ordinal);

        await Service(s => s.ChangeMemberAsync(secretary, jensId, own.Id, own.Version,
            new CareTeamMemberInput(own.OrganisationId, own.Role, "Sofie Nielsen", "+45 33 44 55 66", own.From, own.To), Ct));
        Assert.Equal("Sofie Nielsen", Member(await GetAsync(secretary, jensId), own.Id).PersonName);
    }

    [Fact]
    public async Task Adding_an_organisation_without_a_reason_is_refused_and_logged_and_nothing_is_saved()
    {
        var jensId = await factory.JensIdAsync(Ct);
        var coordinator = await factory.ActorAsync("coordinator.dahl", Ct);
        var view = await GetAsync(coordinator, jensId);
        var input = PathwayTestData.Member(view) with { Reason = "  " };

        var ex = await Assert.ThrowsAsync<DomainException>(() => Service(s => s.AddMemberAsync(coordinator, jensId, input, Ct)));

        Assert.Contains("reason", ex.Message, StringComparison.Ordinal);
        AssertShownInDanish(ex.Message);
        Assert.Equal(ex.Message, await AccessTestData.LatestRefusalAsync(factory, coordinator.UserId, jensId, Ct));
        Assert.DoesNotContain((await GetAsync(coordinator, jensId)).Members, m => m.PersonName == input.PersonName);
    }

    [Fact]
    public async Task The_reason_for_adding_an_organisation_is_stored_and_shown_on_the_timeline()
    {
        var jensId = await factory.JensIdAsync(Ct);
        var coordinator = await factory.ActorAsync("coordinator.dahl", Ct);
        var input = PathwayTestData.Member(await GetAsync(coordinator, jensId)) with { Reason = "Discharge conference agreed daily visits" };

        var id = await Service(s => s.AddMemberAsync(coordinator, jensId, input, Ct));

        Assert.Equal("Discharge conference agreed daily visits", Member(await GetAsync(coordinator, jensId), id).Reason);
        await using var scope = factory.Services.CreateAsyncScope();
        var timeline = await scope.ServiceProvider.GetRequiredService<TimelineService>().GetAsync(coordinator, jensId,
            new TimelineFilter(Types: new HashSet<PathwayEventType> { PathwayEventType.TeamChange }), 0, 100, Ct);
        Assert.Contains(timeline.Entries, e => TimelineText.Detail(e) is { } d && d.Contains("Discharge conference agreed daily visits", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_ended_membership_is_not_reopened_by_an_edit_the_refusal_is_logged_and_a_new_membership_is_allowed()
    {
        var jensId = await factory.JensIdAsync(Ct);
        var coordinator = await factory.ActorAsync("coordinator.dahl", Ct);
        var view = await GetAsync(coordinator, jensId);
        var past = PathwayTestData.Member(view) with { From = view.Today.AddDays(-20), To = view.Today.AddDays(-10) };
        var endedId = await Service(s => s.AddMemberAsync(coordinator, jensId, past, Ct));
        var ended = Member(await GetAsync(coordinator, jensId), endedId);
        Assert.False(ended.CanChange);

        var ex = await Assert.ThrowsAsync<DomainException>(() => Service(s => s.ChangeMemberAsync(coordinator, jensId, ended.Id, ended.Version,
            past with { To = null }, Ct)));

        Assert.Contains("new membership", ex.Message, StringComparison.Ordinal);
        Assert.Equal(ex.Message, await AccessTestData.LatestRefusalAsync(factory, coordinator.UserId, jensId, Ct));
        Assert.Equal(past.To, Member(await GetAsync(coordinator, jensId), endedId).To);
        var again = await Service(s => s.AddMemberAsync(coordinator, jensId, past with { From = view.Today.AddDays(-9), To = view.Today.AddDays(-8), Reason = "Back again" }, Ct));
        Assert.NotEqual(endedId, again);
    }

    [Fact]
    public async Task A_forged_membership_id_is_refused_and_logged()
    {
        var jensId = await factory.JensIdAsync(Ct);
        var coordinator = await factory.ActorAsync("coordinator.dahl", Ct);
        var forged = Guid.NewGuid();

        var ex = await Assert.ThrowsAsync<DomainException>(() => Service(s => s.EndMemberAsync(coordinator, jensId, forged, Guid.NewGuid(), new DateOnly(2030, 1, 1), Ct)));

        Assert.Contains("not on this patient's care team", ex.Message, StringComparison.Ordinal);
        AssertShownInDanish(ex.Message);
        Assert.Equal(ex.Message, await AccessTestData.LatestRefusalAsync(factory, coordinator.UserId, jensId, Ct));
    }

    /// <summary>The care team section shows the refusal in the reader's language: a Danish text exists for it.</summary>
    private static void AssertShownInDanish(string message)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CareCultures.Danish;
        try
        {
            Assert.False(StaticText.For(typeof(CareTeamSection))[message].ResourceNotFound, $"No Danish text for \"{message}\" in CareTeamSection.da.resx");
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    private Task<CareTeamView> GetAsync(Actor actor, Guid patientId) => Service(s => s.GetAsync(actor, patientId, Ct));

    private static CareTeamMemberView Member(CareTeamView view, Guid id) => Assert.Single(view.Members, m => m.Id == id);

    private Task<T> Service<T>(Func<CareTeamService, Task<T>> call) => factory.CallAsync(call);

    private Task Service(Func<CareTeamService, Task> call) => factory.CallAsync(call);
}

public sealed class CareTeamAccessTests_Sqlite(SqliteAppFactory factory) : CareTeamAccessTests(factory), IClassFixture<SqliteAppFactory>;

public sealed class CareTeamAccessTests_PostgreSql(PostgreSqlAppFactory factory) : CareTeamAccessTests(factory), IClassFixture<PostgreSqlAppFactory>;
