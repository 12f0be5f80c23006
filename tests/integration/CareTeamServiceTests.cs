using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Common;
using CareWorkspace.Domain.Organisations;
using CareWorkspace.Domain.Pathway;
using CareWorkspace.Domain.Patients;
using CareWorkspace.Infrastructure.Realtime;
using CareWorkspace.IntegrationTests.Infrastructure;
using CareWorkspace.Web.Features.CareTeam;
using CareWorkspace.Web.Features.Timeline;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareWorkspace.IntegrationTests;

/// <summary>
/// The shared master data: care team members, relatives and the preferred contact channel. Every change is checked
/// for staleness, so two people editing the same item never silently overwrite each other.
/// </summary>
public abstract class CareTeamServiceTests(CareAppFactory factory)
{
    private const string GpName = "Peter Larsen";
    private const string NurseName = "Anne Holm";
    private const string CoordinatorName = "Lise Dahl";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_added_member_appears_on_the_care_team_with_a_TeamChange_event_on_the_timeline()
    {
        var (gp, jensId) = await GpAndJensAsync();
        var view = await GetAsync(gp, jensId);
        var input = PathwayTestData.Member(view, personName: "Mia Friis", phone: "+45 70 10 20 30");
        var teamChangesBefore = await TeamChangesAsync(gp, jensId);

        var id = await Service(s => s.AddMemberAsync(gp, jensId, input, Ct));

        var member = Assert.Single((await GetAsync(gp, jensId)).Members, m => m.Id == id);
        Assert.Equal(PathwayTestData.MemberOrganisation, member.OrganisationName);
        Assert.Equal(Sector.Municipality, member.Sector);
        Assert.Equal(CareTeamRole.Coordinator, member.Role);
        Assert.Equal("Mia Friis", member.PersonName);
        Assert.Equal("+45 70 10 20 30", member.Phone);
        Assert.Equal((input.From, input.To), (member.From, member.To));
        Assert.StartsWith(GpName, member.ChangedBy);

        var teamChanges = await TeamChangesAsync(gp, jensId);
        Assert.Equal(teamChangesBefore.TotalCount + 1, teamChanges.TotalCount);
        var added = Assert.Single(teamChanges.Entries.ExceptBy(teamChangesBefore.Entries.Select(e => e.Id), e => e.Id));
        Assert.Equal(PathwayEventType.TeamChange, added.Type);
        Assert.Equal(Sector.Municipality, added.Sector);
        Assert.Equal(PathwayTestData.MemberOrganisation, added.SourceOrganisation);
        Assert.Equal(PathwayEventKind.CareTeamJoined, added.Kind);
        Assert.StartsWith(GpName, added.Parameters![PathwayEventParameters.By]);
    }

    [Fact]
    public async Task A_care_team_change_is_stored_as_a_kind_and_values_not_as_an_English_sentence()
    {
        var (gp, jensId) = await GpAndJensAsync();
        var coordinator = await factory.ActorAsync("coordinator.dahl", Ct);
        var input = PathwayTestData.Member(await GetAsync(gp, jensId)) with { Reason = "Daily visits " + PathwayTestData.Unique() };
        var id = await Service(s => s.AddMemberAsync(gp, jensId, input, Ct));
        var end = input.From.AddDays(3);
        var version = Member(await GetAsync(gp, jensId), id).Version;
        await Service(s => s.EndMemberAsync(coordinator, jensId, id, version, end, Ct));

        await using var db = await factory.CreateDbContextAsync(Ct);
        var stored = await db.PathwayEvents.AsNoTracking()
            .Where(e => e.PatientId == jensId && e.Type == PathwayEventType.TeamChange && e.SourceOrganisationName == PathwayTestData.MemberOrganisation)
            .ToListAsync(Ct);
        var joined = Assert.Single(stored, e => e.Kind == PathwayEventKind.CareTeamJoined && e.Parameters.GetValueOrDefault(PathwayEventParameters.Reason) == input.Reason);
        Assert.Equal(PathwayTestData.MemberOrganisation, joined.Parameters[PathwayEventParameters.Organisation]);
        Assert.Equal(input.Role.ToString(), joined.Parameters[PathwayEventParameters.Role]);
        Assert.StartsWith(GpName, joined.Parameters[PathwayEventParameters.By]);
        var left = Assert.Single(stored, e => e.Kind == PathwayEventKind.CareTeamLeft && e.Parameters.GetValueOrDefault(PathwayEventParameters.Date) == end.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Assert.StartsWith(CoordinatorName, left.Parameters[PathwayEventParameters.By]);
        Assert.All(new[] { joined, left }, e => Assert.Equal((null, null), (e.Title, e.Detail)));
    }

    [Fact]
    public async Task A_change_based_on_a_stale_version_is_refused_naming_who_changed_it_and_the_first_change_stands()
    {
        var (gp, jensId) = await GpAndJensAsync();
        var coordinator = await factory.ActorAsync("coordinator.dahl", Ct);
        var input = PathwayTestData.Member(await GetAsync(gp, jensId), personName: "Original Person");
        var id = await Service(s => s.AddMemberAsync(gp, jensId, input, Ct));
        var opened = Member(await GetAsync(gp, jensId), id);

        // The coordinator and the GP both opened version "opened"; the coordinator saves first.
        await Service(s => s.ChangeMemberAsync(coordinator, jensId, id, opened.Version, input with { PersonName = "Coordinator's Choice" }, Ct));
        var ex = await Assert.ThrowsAsync<StaleEditException>(() =>
            Service(s => s.ChangeMemberAsync(gp, jensId, id, opened.Version, input with { PersonName = "GP's Choice" }, Ct)));

        Assert.StartsWith(CoordinatorName, ex.ChangedBy);
        Assert.Contains(CoordinatorName, ex.Message);
        Assert.Equal("Coordinator's Choice", ex.CurrentValues["Person"]);
        var saved = Member(await GetAsync(gp, jensId), id);
        Assert.Equal("Coordinator's Choice", saved.PersonName);
        Assert.StartsWith(CoordinatorName, saved.ChangedBy);
        Assert.NotEqual(opened.Version, saved.Version);

        // Based on the version now stored, the GP's change goes through.
        await Service(s => s.ChangeMemberAsync(gp, jensId, id, saved.Version, input with { PersonName = "GP's Choice" }, Ct));
        Assert.Equal("GP's Choice", Member(await GetAsync(gp, jensId), id).PersonName);
    }

    [Fact]
    public async Task Ending_a_membership_sets_its_end_and_adds_a_TeamChange_event_and_a_stale_end_is_refused()
    {
        var (gp, jensId) = await GpAndJensAsync();
        var coordinator = await factory.ActorAsync("coordinator.dahl", Ct);
        var input = PathwayTestData.Member(await GetAsync(gp, jensId));
        var id = await Service(s => s.AddMemberAsync(gp, jensId, input, Ct));
        var opened = Member(await GetAsync(gp, jensId), id);
        var teamChangesBefore = await TeamChangesAsync(gp, jensId);
        var end = input.From.AddDays(2);

        await Service(s => s.EndMemberAsync(coordinator, jensId, id, opened.Version, end, Ct));

        var ended = Member(await GetAsync(gp, jensId), id);
        Assert.Equal(end, ended.To);
        Assert.False(ended.IsActive);
        Assert.StartsWith(CoordinatorName, ended.ChangedBy);
        var added = Assert.Single((await TeamChangesAsync(gp, jensId)).Entries.ExceptBy(teamChangesBefore.Entries.Select(e => e.Id), e => e.Id));
        Assert.Equal(PathwayEventKind.CareTeamLeft, added.Kind);
        Assert.Equal(end.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), added.Parameters![PathwayEventParameters.Date]);

        var ex = await Assert.ThrowsAsync<StaleEditException>(() =>
            Service(s => s.EndMemberAsync(gp, jensId, id, opened.Version, input.From.AddDays(1), Ct)));
        Assert.StartsWith(CoordinatorName, ex.ChangedBy);
        Assert.Equal(end, Member(await GetAsync(gp, jensId), id).To);
    }

    [Fact]
    public async Task Relatives_are_added_changed_and_removed_with_stale_edits_refused()
    {
        var (gp, jensId) = await GpAndJensAsync();
        var nurse = await factory.ActorAsync("nurse.holm", Ct);
        var input = PathwayTestData.Relative("Karl Jensen", "+45 40 10 10 10");

        var id = await Service(s => s.AddRelativeAsync(gp, jensId, input, Ct));
        var opened = Relative(await GetAsync(gp, jensId), id);
        Assert.Equal(("Karl Jensen", RelationshipCode.FRND, "+45 40 10 10 10", false),
            (opened.Name, opened.Relationship, opened.Phone, opened.IsContactRelative));

        await Service(s => s.ChangeRelativeAsync(nurse, jensId, id, opened.Version, input with { Phone = "+45 40 20 20 20" }, Ct));
        var staleChange = await Assert.ThrowsAsync<StaleEditException>(() =>
            Service(s => s.ChangeRelativeAsync(gp, jensId, id, opened.Version, input with { Phone = "+45 40 30 30 30" }, Ct)));
        Assert.StartsWith(NurseName, staleChange.ChangedBy);
        Assert.Equal("+45 40 20 20 20", staleChange.CurrentValues["Phone"]);
        var staleRemoval = await Assert.ThrowsAsync<StaleEditException>(() =>
            Service(s => s.RemoveRelativeAsync(gp, jensId, id, opened.Version, Ct)));
        Assert.StartsWith(NurseName, staleRemoval.ChangedBy);

        var current = Relative(await GetAsync(gp, jensId), id);
        Assert.Equal("+45 40 20 20 20", current.Phone);

        await Service(s => s.RemoveRelativeAsync(gp, jensId, id, current.Version, Ct));
        var after = await GetAsync(gp, jensId);
        Assert.DoesNotContain(after.Relatives!, r => r.Id == id);
        Assert.Contains(after.Relatives!, r => r.Name == "Ulla Jensen" && r.IsContactRelative);
    }

    [Fact]
    public async Task The_preferred_contact_channel_changes_and_a_stale_change_is_refused()
    {
        var (gp, jensId) = await GpAndJensAsync();
        var nurse = await factory.ActorAsync("nurse.holm", Ct);
        var seen = (await GetAsync(gp, jensId)).PreferredContactChannel;
        var nurseChoice = seen == ContactChannel.SecureMessage ? ContactChannel.ThroughRelative : ContactChannel.SecureMessage;

        await Service(s => s.ChangeContactChannelAsync(nurse, jensId, seen, nurseChoice, Ct));
        var ex = await Assert.ThrowsAsync<StaleEditException>(() =>
            Service(s => s.ChangeContactChannelAsync(gp, jensId, seen, ContactChannel.Letter, Ct)));

        Assert.StartsWith(NurseName, ex.ChangedBy);
        Assert.Equal(nurseChoice.ToString(), ex.CurrentValues["Preferred contact channel"]);
        Assert.Equal(nurseChoice, (await GetAsync(gp, jensId)).PreferredContactChannel);
        await Service(s => s.ChangeContactChannelAsync(gp, jensId, nurseChoice, ContactChannel.Letter, Ct));
        Assert.Equal(ContactChannel.Letter, (await GetAsync(gp, jensId)).PreferredContactChannel);
    }

    [Fact]
    public async Task A_relative_sees_the_care_team_but_cannot_change_it()
    {
        var (gp, jensId) = await GpAndJensAsync();
        var ulla = await factory.ActorAsync("ulla", Ct);
        var input = PathwayTestData.Member(await GetAsync(gp, jensId));

        var view = await GetAsync(ulla, jensId);
        Assert.Equal(CareTeamPermissions.None, view.Can);
        Assert.All(view.Members, m => Assert.False(m.CanChange));
        Assert.NotNull(view.Relatives);
        await Assert.ThrowsAsync<PatientAccessDeniedException>(() => Service(s => s.AddMemberAsync(ulla, jensId, input, Ct)));
        Assert.DoesNotContain((await GetAsync(gp, jensId)).Members, m => m.PersonName == input.PersonName);
    }

    [Fact]
    public async Task A_change_is_signalled_after_it_is_committed()
    {
        var (gp, jensId) = await GpAndJensAsync();
        var notifier = factory.Services.GetRequiredService<IPathwayNotifier>();
        var input = PathwayTestData.Member(await GetAsync(gp, jensId));
        using var probe = new ChangeProbe<bool>(notifier, jensId, PatientSection.CareTeam, async change =>
        {
            // Runs the moment the signal is delivered: a fresh context must already see the committed member.
            await using var db = await factory.CreateDbContextAsync(CancellationToken.None);
            return await db.Patients.AsNoTracking().Where(p => p.Id == jensId)
                .AnyAsync(p => p.CareTeam.Any(m => m.Id == change.ItemId), CancellationToken.None);
        });

        var id = await Service(s => s.AddMemberAsync(gp, jensId, input, Ct));

        var (change, memberVisible) = await probe.ArrivalAsync(id, Ct);
        Assert.True(memberVisible, "The signal arrived before the new member could be read from the database.");
        Assert.Equal(PatientSection.CareTeam, change.Section);
        Assert.Equal(gp.UserId, change.ByUserId);
        Assert.Equal(notifier.InstanceId, change.Origin);
        Assert.True(change.CommittedAtUnixMs > 0);
    }

    private async Task<(Actor Gp, Guid JensId)> GpAndJensAsync() => (await factory.ActorAsync("gp.larsen", Ct), await factory.JensIdAsync(Ct));

    private async Task<T> Service<T>(Func<CareTeamService, Task<T>> call)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await call(scope.ServiceProvider.GetRequiredService<CareTeamService>());
    }

    private async Task Service(Func<CareTeamService, Task> call)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        await call(scope.ServiceProvider.GetRequiredService<CareTeamService>());
    }

    private Task<CareTeamView> GetAsync(Actor actor, Guid patientId) => Service(s => s.GetAsync(actor, patientId, Ct));

    private async Task<TimelinePage> TeamChangesAsync(Actor actor, Guid patientId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<TimelineService>().GetAsync(actor, patientId,
            new TimelineFilter(Types: new HashSet<PathwayEventType> { PathwayEventType.TeamChange }), 0, TimelineService.MaxPageSize, Ct);
    }

    private static CareTeamMemberView Member(CareTeamView view, Guid id) => Assert.Single(view.Members, m => m.Id == id);

    private static RelativeView Relative(CareTeamView view, Guid id) => Assert.Single(view.Relatives!, r => r.Id == id);
}

public sealed class CareTeamServiceTests_Sqlite(SqliteAppFactory factory) : CareTeamServiceTests(factory), IClassFixture<SqliteAppFactory>;

public sealed class CareTeamServiceTests_PostgreSql(PostgreSqlAppFactory factory) : CareTeamServiceTests(factory), IClassFixture<PostgreSqlAppFactory>;
