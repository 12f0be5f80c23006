using System.Collections.Concurrent;
using Bunit;
using CareWorkspace.Domain.Access;
using CareWorkspace.Infrastructure.Realtime;
using CareWorkspace.IntegrationTests.Infrastructure;
using CareWorkspace.Web.Features.Pathway;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using MudBlazor;
using StackExchange.Redis;

namespace CareWorkspace.IntegrationTests;

/// <summary>
/// A failing section stays a failing section: the pathway page shows its error with "Try again" in its place, keeps
/// the header and the other sections, and recovers on request; presence survives an unreachable Redis.
/// </summary>
public abstract class SectionErrorTests(CareAppFactory factory)
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_section_that_fails_to_load_shows_the_error_and_Try_again_while_the_rest_of_the_page_lives()
    {
        var failures = new LoadFailures();
        failures.Enqueue(new InvalidOperationException("A bug in the section."));
        await using var page = await PageAsync(failures);
        var cut = await RenderPathwayAsync(page);

        var error = cut.WaitForElement("[data-testid=section-error]", LivePageContext.Timeout);
        Assert.Contains("Failing could not be shown. Something went wrong.", error.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("A bug in the section", cut.Markup, StringComparison.Ordinal);
        Assert.NotEmpty(cut.FindAll("[data-testid=pathway-header]"));

        await cut.ClickNowAsync("[data-testid=section-try-again]");

        cut.WaitForElement("[data-testid=failing-section-loaded]", LivePageContext.Timeout);
        Assert.Empty(cut.FindAll("[data-testid=section-error]"));
    }

    [Fact]
    public async Task A_section_whose_database_stays_away_is_retried_then_explained()
    {
        var failures = new LoadFailures();
        for (var i = 0; i < 3; i++)
            failures.Enqueue(new DatabaseOutage());
        await using var page = await PageAsync(failures);
        var cut = await RenderPathwayAsync(page);

        var error = cut.WaitForElement("[data-testid=section-error]", LivePageContext.Timeout);
        Assert.Contains("did not answer", error.TextContent, StringComparison.Ordinal);
        Assert.Empty(failures);

        await cut.ClickNowAsync("[data-testid=section-try-again]");
        cut.WaitForElement("[data-testid=failing-section-loaded]", LivePageContext.Timeout);
    }

    [Fact]
    public async Task A_database_that_answers_on_the_second_try_is_not_even_noticed()
    {
        var failures = new LoadFailures();
        failures.Enqueue(new DatabaseOutage());
        await using var page = await PageAsync(failures);
        var cut = await RenderPathwayAsync(page);

        cut.WaitForElement("[data-testid=failing-section-loaded]", LivePageContext.Timeout);
        Assert.Empty(cut.FindAll("[data-testid=section-error]"));
    }

    [Fact]
    public async Task Presence_with_Redis_unreachable_says_so_and_keeps_the_page()
    {
        var nurse = await factory.ActorAsync("nurse.holm", Ct);
        var jensId = await factory.JensIdAsync(Ct);
        await using var page = new LivePageContext(factory, nurse);
        var notifier = factory.Services.GetRequiredService<IPathwayNotifier>();
        await using var tracker = new PresenceTracker(new UnreachablePresenceStore(), notifier, TimeProvider.System, NullLogger<PresenceTracker>.Instance);
        page.Services.AddSingleton(tracker);

        var presence = page.Render<PathwayPresence>(p => p.Add(x => x.PatientId, jensId));

        presence.WaitForElement("[data-testid=presence-unavailable]", LivePageContext.Timeout);
    }

    private async Task<LivePageContext> PageAsync(LoadFailures failures)
    {
        var nurse = await factory.ActorAsync("nurse.holm", Ct);
        var sections = new PathwaySectionRegistry()
            .Add<OverviewSection>("overview", "Overview", Icons.Material.Filled.Dashboard, 10, PatientSection.MasterData)
            .Add<FailingSection>("failing", "Failing", Icons.Material.Filled.Warning, 20, PatientSection.MasterData);
        var page = new LivePageContext(factory, nurse, sections);
        page.Services.AddSingleton(failures);
        page.RenderProviders();
        return page;
    }

    private async Task<IRenderedComponent<PathwayPage>> RenderPathwayAsync(LivePageContext page)
    {
        var jensId = await factory.JensIdAsync(Ct);
        return page.Render<PathwayPage>(p => p.Add(x => x.PatientId, jensId).Add(x => x.SectionKey, "failing"));
    }

    /// <summary>The failures the next loads of <see cref="FailingSection"/> meet, in order.</summary>
    public sealed class LoadFailures : ConcurrentQueue<Exception>;

    /// <summary>A section whose loads fail with the queued failures, then succeed.</summary>
    public sealed class FailingSection : PathwaySectionBase
    {
        [Microsoft.AspNetCore.Components.Inject]
        private LoadFailures Failures { get; set; } = default!;

        protected override IReadOnlyList<PatientSection> WatchedSections { get; } = [PatientSection.MasterData];

        protected override Task LoadAsync(Actor actor) =>
            Failures.TryDequeue(out var failure) ? Task.FromException(failure) : Task.CompletedTask;

        protected override void BuildRenderTree(RenderTreeBuilder builder)
        {
            if (!Loaded)
                return;
            builder.OpenElement(0, "p");
            builder.AddAttribute(1, "data-testid", "failing-section-loaded");
            builder.AddContent(2, "Loaded.");
            builder.CloseElement();
        }
    }

    private sealed class UnreachablePresenceStore : IPresenceStore
    {
        private static RedisException Unreachable() => new("No connection is available to service this operation.");

        public Task AddAsync(Guid patientId, string entry, DateTimeOffset expires) => throw Unreachable();

        public Task RemoveAsync(Guid patientId, string entry) => throw Unreachable();

        public Task<IReadOnlyList<string>> ListAsync(Guid patientId, DateTimeOffset now) => throw Unreachable();
    }
}

public sealed class SectionErrorTests_Sqlite(SqliteAppFactory factory) : SectionErrorTests(factory), IClassFixture<SqliteAppFactory>;

public sealed class SectionErrorTests_PostgreSql(PostgreSqlAppFactory factory) : SectionErrorTests(factory), IClassFixture<PostgreSqlAppFactory>;
