using AngleSharp.Dom;
using Bunit;
using CareWorkspace.Domain.Common;
using CareWorkspace.Domain.Patients;
using CareWorkspace.Infrastructure.Persistence;
using CareWorkspace.IntegrationTests.Infrastructure;
using CareWorkspace.Web.Features.CareTeam;
using Microsoft.EntityFrameworkCore;
using MudBlazor;
using MudBlazor.Extensions;

namespace CareWorkspace.IntegrationTests;

/// <summary>
/// "Apply my change again" in the conflict dialog re-runs the user's own change against the item's current version,
/// on every path of the care team section that offers it. The other user's change is made in the database without a
/// signal, as if it landed just before the user clicked, so the section still shows the version the user saw.
/// </summary>
public abstract class ApplyMyChangeAgainTests(CareAppFactory factory)
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    private static readonly ChangeStamp Other = new("Bo Other (Havby Kommune)", DateTimeOffset.UtcNow);

    [Fact]
    public async Task Ending_a_membership_that_someone_changed_meanwhile_ends_it_on_top_of_their_change()
    {
        var (jensId, memberId) = await WithPatientAsync(async (db, jens) =>
        {
            var havby = await db.Organisations.SingleAsync(o => o.Name == PathwayTestData.MemberOrganisation, Ct);
            return jens.JoinCareTeam(havby.Id, CareTeamRole.HomeCare, new Period(Today.AddDays(-10), null), "Kim Start", null, Other, "Test membership").Id;
        });
        await using var page = await PageAsync();
        var section = page.Render<CareTeamSection>(p => p.Add(s => s.PatientId, jensId));
        var end = section.WaitForElement("[aria-label='End Havby Kommune']", LivePageContext.Timeout);
        await WithPatientAsync((_, jens) =>
        {
            var member = jens.CareTeam.Single(m => m.Id == memberId);
            jens.ChangeCareTeamMember(memberId, member.Version, member.Role, "Kim Changed", "+45 70 10 20 30", new Period(member.From, member.To), Other);
            return Task.FromResult(true);
        });

        var clicking = end.ClickAsync(new());
        await ApplyAgainAsync(page, confirm: "End today");
        await clicking;

        var saved = (await LoadJensAsync()).CareTeam.Single(m => m.Id == memberId);
        Assert.Equal((Today, "Kim Changed"), (saved.To, saved.PersonName));
    }

    [Fact]
    public async Task Removing_a_relative_that_someone_changed_meanwhile_removes_them()
    {
        var name = "Relative " + PathwayTestData.Unique();
        var (jensId, relativeId) = await WithPatientAsync((_, jens) =>
            Task.FromResult(jens.AddRelative(name, RelationshipCode.FRND, "+45 40 11 22 33", false, Other).Id));
        await using var page = await PageAsync();
        var section = page.Render<CareTeamSection>(p => p.Add(s => s.PatientId, jensId));
        var remove = section.WaitForElement($"[aria-label='Remove {name}']", LivePageContext.Timeout);
        await WithPatientAsync((_, jens) =>
        {
            var relative = jens.Relatives.Single(r => r.Id == relativeId);
            jens.ChangeRelative(relativeId, relative.Version, name, relative.Relationship, "+45 40 99 99 99", false, Other);
            return Task.FromResult(true);
        });

        var clicking = remove.ClickAsync(new());
        await ApplyAgainAsync(page, confirm: "Remove");
        await clicking;

        Assert.DoesNotContain((await LoadJensAsync()).Relatives, r => r.Id == relativeId);
    }

    [Fact]
    public async Task Changing_the_contact_channel_that_someone_changed_meanwhile_sets_the_users_choice()
    {
        var (jensId, seen) = await WithPatientAsync((_, jens) => Task.FromResult(jens.PreferredContactChannel));
        var theirs = seen == ContactChannel.Letter ? ContactChannel.Phone : ContactChannel.Letter;
        await using var page = await PageAsync();
        var section = page.Render<CareTeamSection>(p => p.Add(s => s.PatientId, jensId));
        section.WaitForElement("[data-testid=contact-channel]", LivePageContext.Timeout);
        await WithPatientAsync((_, jens) =>
        {
            jens.ChangePreferredContactChannel(seen, theirs, Other);
            return Task.FromResult(true);
        });

        var select = section.FindComponent<MudSelect<ContactChannel>>();
        var choosing = section.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync(ContactChannel.ThroughRelative));
        await ApplyAgainAsync(page, confirm: null);
        await choosing;

        Assert.Equal(ContactChannel.ThroughRelative, (await LoadJensAsync()).PreferredContactChannel);
    }

    [Fact]
    public async Task Reload_their_version_keeps_their_change()
    {
        var (jensId, seen) = await WithPatientAsync((_, jens) => Task.FromResult(jens.PreferredContactChannel));
        var theirs = seen == ContactChannel.SecureMessage ? ContactChannel.Phone : ContactChannel.SecureMessage;
        await using var page = await PageAsync();
        var section = page.Render<CareTeamSection>(p => p.Add(s => s.PatientId, jensId));
        section.WaitForElement("[data-testid=contact-channel]", LivePageContext.Timeout);
        await WithPatientAsync((_, jens) =>
        {
            jens.ChangePreferredContactChannel(seen, theirs, Other);
            return Task.FromResult(true);
        });

        var select = section.FindComponent<MudSelect<ContactChannel>>();
        var choosing = section.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync(ContactChannel.ThroughRelative));
        await Button(page.Providers, "Reload their version").ClickAsync(new());
        await choosing;

        Assert.Equal(theirs, (await LoadJensAsync()).PreferredContactChannel);
        section.WaitForAssertion(() => Assert.Equal(theirs, section.FindComponent<MudSelect<ContactChannel>>().Instance.GetState(x => x.Value)), LivePageContext.Timeout);
    }

    [Fact]
    public async Task Changing_the_contact_channel_during_an_outage_is_explained_and_the_page_lives_on()
    {
        var (jensId, seen) = await WithPatientAsync((_, jens) => Task.FromResult(jens.PreferredContactChannel));
        var wanted = seen == ContactChannel.Letter ? ContactChannel.Phone : ContactChannel.Letter;
        await using var page = await PageAsync();
        var section = page.Render<CareTeamSection>(p => p.Add(s => s.PatientId, jensId));
        section.WaitForElement("[data-testid=contact-channel]", LivePageContext.Timeout);
        page.Context.Database.FailNextSaves(1, () => new DatabaseOutage());

        var select = section.FindComponent<MudSelect<ContactChannel>>();
        await section.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync(wanted));

        page.Context.Snackbars!.WaitForAssertion(() => Assert.Contains("did not answer", page.Context.Snackbars!.Markup, StringComparison.Ordinal),
            LivePageContext.Timeout);
        Assert.Equal(seen, (await LoadJensAsync()).PreferredContactChannel);

        // The same choice, once more, is saved.
        await section.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync(wanted));
        Assert.Equal(wanted, (await LoadJensAsync()).PreferredContactChannel);
    }

    private static async Task ApplyAgainAsync(Page page, string? confirm)
    {
        if (confirm is not null)
            await Button(page.Providers, confirm).ClickAsync(new());
        page.Providers.WaitForElement("[data-testid=conflict-message]", LivePageContext.Timeout);
        await Button(page.Providers, "Apply my change again").ClickAsync(new());
    }

    private static IElement Button(IRenderedComponent<MudDialogProvider> providers, string text)
    {
        IElement? found = null;
        providers.WaitForAssertion(() => found = providers.FindAll("button").Single(b => b.TextContent.Trim() == text), LivePageContext.Timeout);
        return found!;
    }

    private async Task<Page> PageAsync()
    {
        var context = new LivePageContext(factory, await factory.ActorAsync("coordinator.dahl", Ct));
        return new Page(context, context.RenderProviders());
    }

    private sealed record Page(LivePageContext Context, IRenderedComponent<MudDialogProvider> Providers) : IAsyncDisposable
    {
        public IRenderedComponent<T> Render<T>(Action<ComponentParameterCollectionBuilder<T>> parameters) where T : Microsoft.AspNetCore.Components.IComponent =>
            Context.Render(parameters);

        public ValueTask DisposeAsync() => Context.DisposeAsync();
    }

    private async Task<(Guid JensId, T Result)> WithPatientAsync<T>(Func<CareDbContext, Patient, Task<T>> change)
    {
        var jensId = await factory.JensIdAsync(Ct);
        await using var db = await factory.CreateDbContextAsync(Ct);
        var jens = await db.Patients.SingleAsync(p => p.Id == jensId, Ct);
        var result = await change(db, jens);
        await db.SaveChangesAsync(Ct);
        return (jensId, result);
    }

    private async Task<Patient> LoadJensAsync()
    {
        var jensId = await factory.JensIdAsync(Ct);
        await using var db = await factory.CreateDbContextAsync(Ct);
        return await db.Patients.AsNoTracking().SingleAsync(p => p.Id == jensId, Ct);
    }

    private static DateOnly Today =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Copenhagen")).DateTime);
}

public sealed class ApplyMyChangeAgainTests_Sqlite(SqliteAppFactory factory) : ApplyMyChangeAgainTests(factory), IClassFixture<SqliteAppFactory>;

public sealed class ApplyMyChangeAgainTests_PostgreSql(PostgreSqlAppFactory factory) : ApplyMyChangeAgainTests(factory), IClassFixture<PostgreSqlAppFactory>;
