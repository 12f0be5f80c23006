using Bunit;
using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Messaging;
using CareWorkspace.Infrastructure.Persistence;
using CareWorkspace.Infrastructure.Realtime;
using CareWorkspace.IntegrationTests.Infrastructure;
using CareWorkspace.Web.Features;
using CareWorkspace.Web.Features.Messages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareWorkspace.IntegrationTests;

/// <summary>
/// Message actions in the real thread component on the real services: a reply or "mark as handled" that meets another
/// user's save or a database outage never ends the circuit, explains itself, keeps the typed text, and is retried where
/// that is safe.
/// </summary>
public abstract class MessageActionTests(CareAppFactory factory)
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_reply_racing_another_reply_in_the_same_thread_is_added_on_top_of_it()
    {
        var (gp, nurse, threadId, jensId) = await ThreadAsync(needsAction: false);
        await using var page = new LivePageContext(factory, nurse);
        var conversation = await OpenAsync(page, jensId, threadId);
        page.Database.BeforeNextSave(() => ReplyAsync(gp, threadId, "Meanwhile, from the GP", needsAction: false), ThreadChange);

        conversation.Find("#reply-text").Change("From the nurse");
        await ClickNowAsync(conversation, () => conversation.Find("[data-testid=send-reply]"));

        var texts = (await OpenAsGpAsync(gp, threadId)).Messages.Select(m => m.Text).ToList();
        Assert.Equal(["Please see the attached.", "Meanwhile, from the GP", "From the nurse"], texts);
        Assert.Empty(conversation.FindAll("[data-testid=reply-error]"));
        Assert.Equal("", conversation.Find("#reply-text").GetAttribute("value") ?? conversation.Find("#reply-text").TextContent);
    }

    [Fact]
    public async Task A_reply_during_a_database_outage_is_explained_and_the_text_stays_for_sending_again()
    {
        var (gp, nurse, threadId, jensId) = await ThreadAsync(needsAction: false);
        await using var page = new LivePageContext(factory, nurse);
        var conversation = await OpenAsync(page, jensId, threadId);
        page.Database.FailNextSaves(1, () => new DatabaseOutage(), ThreadChange);

        conversation.Find("#reply-text").Change("Typed during the outage");
        await ClickNowAsync(conversation, () => conversation.Find("[data-testid=send-reply]"));

        Assert.Equal(ActionErrors.Unavailable, conversation.Find("[data-testid=reply-error]").TextContent.Trim());
        Assert.Contains("Typed during the outage", conversation.Find("#reply-text").OuterHtml, StringComparison.Ordinal);
        Assert.Single((await OpenAsGpAsync(gp, threadId)).Messages);

        // The circuit lives on: the same text is sent with the next click.
        await ClickNowAsync(conversation, () => conversation.Find("[data-testid=send-reply]"));

        Assert.Equal(["Please see the attached.", "Typed during the outage"], (await OpenAsGpAsync(gp, threadId)).Messages.Select(m => m.Text));
        conversation.WaitForAssertion(() => Assert.Empty(conversation.FindAll("[data-testid=reply-error]")), LivePageContext.Timeout);
    }

    [Fact]
    public async Task Mark_as_handled_racing_a_reply_that_needs_nothing_is_applied_again()
    {
        var (gp, nurse, threadId, jensId) = await ThreadAsync(needsAction: true);
        await using var page = new LivePageContext(factory, nurse);
        var conversation = await OpenAsync(page, jensId, threadId);
        page.Database.BeforeNextSave(() => ReplyAsync(gp, threadId, "Thanks, just for information", needsAction: false), ThreadChange);

        await ClickNowAsync(conversation, () => Button(conversation, "Mark as handled"));

        var thread = await OpenAsGpAsync(gp, threadId);
        Assert.Equal((false, "Anne Holm"), (thread.NeedsAction, thread.ActionHandledBy));
        Assert.Equal(2, thread.Messages.Count);
    }

    [Fact]
    public async Task Mark_as_handled_racing_a_new_request_is_refused_with_a_reason_instead_of_handling_it_unseen()
    {
        var (gp, nurse, threadId, jensId) = await ThreadAsync(needsAction: true);
        await using var page = new LivePageContext(factory, nurse);
        var conversation = await OpenAsync(page, jensId, threadId);
        page.Database.BeforeNextSave(() => ReplyAsync(gp, threadId, "One more thing: please check the wound", needsAction: true), ThreadChange);

        await ClickNowAsync(conversation, () => Button(conversation, "Mark as handled"));

        Assert.True((await OpenAsGpAsync(gp, threadId)).NeedsAction);
        page.Snackbars!.WaitForAssertion(() => Assert.Contains("A new message that needs action arrived", page.Snackbars!.Markup, StringComparison.Ordinal),
            LivePageContext.Timeout);
        conversation.WaitForAssertion(() => Assert.Contains("One more thing", conversation.Markup, StringComparison.Ordinal), LivePageContext.Timeout);
    }

    [Fact]
    public async Task Mark_as_handled_during_a_passing_outage_is_retried()
    {
        var (gp, nurse, threadId, jensId) = await ThreadAsync(needsAction: true);
        await using var page = new LivePageContext(factory, nurse);
        var conversation = await OpenAsync(page, jensId, threadId);
        page.Database.FailNextSaves(1, () => new DatabaseOutage(), ThreadChange);

        await ClickNowAsync(conversation, () => Button(conversation, "Mark as handled"));

        Assert.Equal("Anne Holm", (await OpenAsGpAsync(gp, threadId)).ActionHandledBy);
    }

    [Fact]
    public async Task A_new_thread_during_a_database_outage_keeps_subject_and_text_and_sends_on_the_next_click()
    {
        var nurse = await factory.ActorAsync("nurse.holm", Ct);
        var jensId = await factory.JensIdAsync(Ct);
        var subject = "Outage " + PathwayTestData.Unique();
        await using var page = new LivePageContext(factory, nurse);
        page.RenderProviders();
        var section = page.Render<MessagesSection>(p => p.Add(x => x.PatientId, jensId));
        await section.WaitForElement("[data-testid=new-thread]", LivePageContext.Timeout).ClickAsync(new());
        section.Find("#thread-subject").Change(subject);
        section.Find("#thread-text").Change("Written while the database was away.");
        await page.Database.AllEndedAsync(Ct);
        page.Database.FailNextSaves(1, () => new DatabaseOutage(), db => db.ChangeTracker.Entries<MessageThread>().Any(e => e.State == EntityState.Added));

        await section.ClickNowAsync("[data-testid=send-thread]");

        Assert.Equal(ActionErrors.Unavailable, section.Find("[data-testid=thread-error]").TextContent.Trim());
        Assert.Contains(subject, section.Find("#thread-subject").OuterHtml, StringComparison.Ordinal);
        Assert.Contains("Written while the database was away.", section.Find("#thread-text").OuterHtml, StringComparison.Ordinal);

        await section.ClickNowAsync("[data-testid=send-thread]");

        section.WaitForAssertion(() => Assert.Contains(subject, section.Find("[data-testid=thread-panel]").TextContent, StringComparison.Ordinal),
            LivePageContext.Timeout);
    }

    [Fact]
    public async Task The_inbox_during_a_database_outage_says_so_and_comes_back_on_Try_again()
    {
        var notifier = factory.Services.GetRequiredService<IPathwayNotifier>();
        var jensId = await factory.JensIdAsync(Ct);
        using var probe = new ChangeProbe<bool>(notifier, jensId, PatientSection.Messages, _ => Task.FromResult(true));
        var (_, nurse, threadId, _) = await ThreadAsync(needsAction: false);
        // The new thread's signal has gone out before the inbox subscribes: only the inbox's own loads meet the outage.
        await probe.ArrivalAsync(threadId, Ct);
        await using var page = new LivePageContext(factory, nurse);
        page.RenderProviders();
        page.Database.FailNextSaves(Retry.Attempts, () => new DatabaseOutage());

        var inbox = page.Render<InboxPage>();

        Assert.Contains("did not answer", inbox.WaitForElement("[data-testid=inbox-problem]", LivePageContext.Timeout).TextContent, StringComparison.Ordinal);
        await inbox.FindAll("[data-testid=inbox-problem] button").Single().ClickAsync(new());
        inbox.WaitForAssertion(() => Assert.Empty(inbox.FindAll("[data-testid=inbox-problem]")), LivePageContext.Timeout);
        Assert.NotEmpty(inbox.FindAll("[data-testid=thread-item]"));
    }

    // Only the user's own action changes the thread; the saves of live re-loads (read receipts, access records) do not.
    private static readonly Func<DbContext, bool> ThreadChange = TestDatabase.Changing<MessageThread>();

    private async Task<IRenderedComponent<ThreadConversation>> OpenAsync(LivePageContext page, Guid jensId, Guid threadId)
    {
        page.RenderProviders();
        var conversation = page.Render<ThreadConversation>(p => p.Add(x => x.PatientId, jensId).Add(x => x.ThreadId, threadId));
        conversation.WaitForElement("#reply-text", LivePageContext.Timeout);
        // The opening (and its read receipts) is saved before the test arranges what meets the next save.
        await page.Database.AllEndedAsync(Ct);
        return conversation;
    }

    /// <summary>
    /// Finds and clicks in one turn of the renderer: a live re-load (e.g. after the page's own read receipt) cannot
    /// re-render between the two and leave the click on a button that no longer exists.
    /// </summary>
    private static async Task ClickNowAsync(IRenderedComponent<ThreadConversation> conversation, Func<AngleSharp.Dom.IElement> find)
    {
        Task clicking = Task.CompletedTask;
        await conversation.InvokeAsync(() => clicking = find().ClickAsync(new()));
        await clicking;
    }

    private static AngleSharp.Dom.IElement Button(IRenderedComponent<ThreadConversation> conversation, string text) =>
        conversation.FindAll("button").Single(b => b.TextContent.Trim() == text);

    private async Task<(Actor Gp, Actor Nurse, Guid ThreadId, Guid JensId)> ThreadAsync(bool needsAction)
    {
        var gp = await factory.ActorAsync("gp.larsen", Ct);
        var nurse = await factory.ActorAsync("nurse.holm", Ct);
        var jensId = await factory.JensIdAsync(Ct);
        await using var scope = factory.Services.CreateAsyncScope();
        var threadId = await scope.ServiceProvider.GetRequiredService<MessageService>()
            .StartThreadAsync(gp, jensId, PathwayTestData.Thread(needsAction: needsAction), [], Ct);
        return (gp, nurse, threadId, jensId);
    }

    private async Task ReplyAsync(Actor actor, Guid threadId, string text, bool needsAction)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<MessageService>().ReplyAsync(actor, threadId, text, needsAction, [], Ct);
    }

    private async Task<ThreadView> OpenAsGpAsync(Actor gp, Guid threadId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MessageService>().OpenThreadAsync(gp, threadId, Ct);
    }
}

public sealed class MessageActionTests_Sqlite(SqliteAppFactory factory) : MessageActionTests(factory), IClassFixture<SqliteAppFactory>;

public sealed class MessageActionTests_PostgreSql(PostgreSqlAppFactory factory) : MessageActionTests(factory), IClassFixture<PostgreSqlAppFactory>;
