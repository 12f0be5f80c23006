using Bunit;
using CareWorkspace.Domain.Access;
using CareWorkspace.Infrastructure.Realtime;
using CareWorkspace.IntegrationTests.Infrastructure;
using CareWorkspace.Web.Features.Messages;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace CareWorkspace.IntegrationTests;

/// <summary>
/// An open inbox does work only for messages its user may see: when the GP replies in a thread on Jens' pathway, the
/// inbox of nurse.holm (her home care is on Jens' care team) shows the reply, and the inbox of nurse.roskilde
/// (Skovlund, not on Jens' care team) runs not a single database query. Likewise Jens' own inbox, for a thread among staff.
/// </summary>
public abstract class TargetedInboxTests(CareAppFactory factory)
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_reply_on_Jens_pathway_updates_his_nurses_inbox_and_costs_an_unrelated_inbox_no_query()
    {
        var gp = await factory.ActorAsync("gp.larsen", Ct);
        var holm = await factory.ActorAsync("nurse.holm", Ct);
        var roskilde = await factory.ActorAsync("nurse.roskilde", Ct);
        var jensId = await factory.JensIdAsync(Ct);
        var notifier = factory.Services.GetRequiredService<IPathwayNotifier>();
        var subject = "Targeted " + Guid.NewGuid().ToString("N")[..8];
        var threadId = await StartThreadAsync(gp, jensId, subject);

        await using var holmPage = new LivePageContext(factory, holm);
        await using var roskildePage = new LivePageContext(factory, roskilde);
        holmPage.Render<MudPopoverProvider>();
        roskildePage.Render<MudPopoverProvider>();
        var holmInbox = holmPage.Render<InboxPage>();
        var roskildeInbox = roskildePage.Render<InboxPage>();
        holmInbox.WaitForAssertion(() => Assert.Contains("· 1 message", ThreadItem(holmInbox, subject)), LivePageContext.Timeout);
        roskildeInbox.WaitForElement("[data-testid=inbox]", LivePageContext.Timeout);
        Assert.DoesNotContain(subject, roskildeInbox.Markup, StringComparison.Ordinal);
        await roskildePage.Database.AllEndedAsync(Ct);
        var roskildeUnitsOfWork = roskildePage.Database.Created;
        var roskildeCommands = roskildePage.Database.CommandsRun;

        await ReplyAsync(gp, threadId);
        await AllHandedOutAsync(notifier);
        // Whatever the reply's signal handed to the Skovlund inbox's circuit has started by now.
        await roskildeInbox.InvokeAsync(() => { });
        await roskildePage.Database.AllEndedAsync(Ct);

        holmInbox.WaitForAssertion(() => Assert.Contains("· 2 messages", ThreadItem(holmInbox, subject)), LivePageContext.Timeout);
        Assert.Equal(roskildeUnitsOfWork, roskildePage.Database.Created);
        Assert.Equal(roskildeCommands, roskildePage.Database.CommandsRun);
    }

    [Fact]
    public async Task Jens_inbox_does_no_query_for_a_thread_among_staff_and_shows_one_shared_with_him()
    {
        var gp = await factory.ActorAsync("gp.larsen", Ct);
        var jens = await factory.ActorAsync("jens", Ct);
        var jensId = await factory.JensIdAsync(Ct);
        var notifier = factory.Services.GetRequiredService<IPathwayNotifier>();
        await using var page = new LivePageContext(factory, jens);
        page.Render<MudPopoverProvider>();
        var inbox = page.Render<InboxPage>();
        inbox.WaitForElement("[data-testid=inbox]", LivePageContext.Timeout);
        await page.Database.AllEndedAsync(Ct);
        var unitsOfWork = page.Database.Created;

        await StartThreadAsync(gp, jensId, "Among staff " + Guid.NewGuid().ToString("N")[..8]);
        await AllHandedOutAsync(notifier);
        await inbox.InvokeAsync(() => { });
        await page.Database.AllEndedAsync(Ct);
        Assert.Equal(unitsOfWork, page.Database.Created);

        var shared = "For Jens " + Guid.NewGuid().ToString("N")[..8];
        await StartThreadAsync(gp, jensId, shared, sharedWithPatient: true);
        inbox.WaitForAssertion(() => Assert.Contains("· 1 message", ThreadItem(inbox, shared)), LivePageContext.Timeout);
    }

    private static string ThreadItem(IRenderedComponent<InboxPage> inbox, string subject) =>
        inbox.FindAll("[data-testid=thread-item]").SingleOrDefault(i => i.TextContent.Contains(subject, StringComparison.Ordinal))?.TextContent ?? "";

    /// <summary>
    /// The notifier hands changes out one after another: once a marker sent after the reply's signal has arrived, the
    /// reply's signal was handed to every subscriber it was for. The marker itself is for nobody's inbox.
    /// </summary>
    private static async Task AllHandedOutAsync(IPathwayNotifier notifier)
    {
        var markerPatient = Guid.NewGuid();
        var marker = Guid.NewGuid();
        using var probe = new ChangeProbe<bool>(notifier, markerPatient, PatientSection.Messages, _ => Task.FromResult(true));
        notifier.PathwayChanged(new PathwayChange(markerPatient, PatientSection.Messages, marker) { SeenBy = [] });
        await probe.ArrivalAsync(marker, Ct);
    }

    private async Task<Guid> StartThreadAsync(Actor gp, Guid jensId, string subject, bool sharedWithPatient = false)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MessageService>()
            .StartThreadAsync(gp, jensId, PathwayTestData.Thread(subject, sharedWithPatient), [], Ct);
    }

    private async Task ReplyAsync(Actor gp, Guid threadId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<MessageService>().ReplyAsync(gp, threadId, "Blood pressure fine, keep the dose.", false, [], Ct);
    }
}

public sealed class TargetedInboxTests_Sqlite(SqliteAppFactory factory) : TargetedInboxTests(factory), IClassFixture<SqliteAppFactory>;

public sealed class TargetedInboxTests_PostgreSql(PostgreSqlAppFactory factory) : TargetedInboxTests(factory), IClassFixture<PostgreSqlAppFactory>;
