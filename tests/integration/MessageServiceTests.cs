using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Common;
using CareWorkspace.Infrastructure.Attachments;
using CareWorkspace.IntegrationTests.Infrastructure;
using CareWorkspace.Web.Features.Messages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareWorkspace.IntegrationTests;

/// <summary>Secure message threads: who sees them, read receipts, the inbox, attachments and plain-text storage.</summary>
public abstract class MessageServiceTests(CareAppFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_thread_not_shared_with_relatives_is_hidden_from_Ulla_and_unread_in_the_nurses_inbox_until_she_opens_it()
    {
        var (gp, jensId) = await GpAndJensAsync();
        var ulla = await factory.ActorAsync("ulla", Ct);
        var nurse = await factory.ActorAsync("nurse.holm", Ct);

        var threadId = await Messages(s => s.StartThreadAsync(gp, jensId, PathwayTestData.Thread(sharedWithPatient: true), [], Ct));

        // Jens' consent for Ulla does not include Messages: she is refused the section, and her inbox has nothing of Jens.
        var refused = await Assert.ThrowsAsync<PatientAccessDeniedException>(() => Messages(s => s.ListThreadsAsync(ulla, jensId, Ct)));
        Assert.Contains("Messages", refused.Message);
        Assert.DoesNotContain(await InboxAsync(ulla, InboxFilter.All), t => t.Id == threadId);
        await Assert.ThrowsAsync<PatientAccessDeniedException>(() => Messages(s => s.OpenThreadAsync(ulla, threadId, Ct)));

        var unread = Assert.Single(await InboxAsync(nurse, InboxFilter.Unread), t => t.Id == threadId);
        Assert.True(unread.Unread);
        Assert.Equal("Jens Jensen", unread.PatientName);
        Assert.Equal("Peter Larsen", unread.LastAuthor);

        var opened = await Messages(s => s.OpenThreadAsync(nurse, threadId, Ct));
        Assert.False(Assert.Single(opened.Messages).IsMine);

        Assert.DoesNotContain(await InboxAsync(nurse, InboxFilter.Unread), t => t.Id == threadId);
        Assert.False(Assert.Single(await InboxAsync(nurse, InboxFilter.All), t => t.Id == threadId).Unread);
        var asSeenByGp = await Messages(s => s.OpenThreadAsync(gp, threadId, Ct));
        var message = Assert.Single(asSeenByGp.Messages);
        Assert.True(message.IsMine);
        Assert.Contains("Anne Holm", message.ReadBy);
        Assert.DoesNotContain(await InboxAsync(gp, InboxFilter.Unread), t => t.Id == threadId);
    }

    [Fact]
    public async Task The_NeedsAction_filter_shows_threads_awaiting_action_until_they_are_handled()
    {
        var (gp, jensId) = await GpAndJensAsync();
        var nurse = await factory.ActorAsync("nurse.holm", Ct);
        var actionId = await Messages(s => s.StartThreadAsync(gp, jensId, PathwayTestData.Thread(needsAction: true), [], Ct));
        var plainId = await Messages(s => s.StartThreadAsync(gp, jensId, PathwayTestData.Thread(), [], Ct));

        var needsAction = await InboxAsync(nurse, InboxFilter.NeedsAction);
        Assert.True(Assert.Single(needsAction, t => t.Id == actionId).NeedsAction);
        Assert.DoesNotContain(needsAction, t => t.Id == plainId);
        Assert.All(needsAction, t => Assert.True(t.NeedsAction));
        Assert.Contains(await InboxAsync(nurse, InboxFilter.All), t => t.Id == plainId);

        await Messages(s => s.MarkActionHandledAsync(nurse, actionId, null, Ct));

        Assert.DoesNotContain(await InboxAsync(nurse, InboxFilter.NeedsAction), t => t.Id == actionId);
        var handled = await Messages(s => s.OpenThreadAsync(gp, actionId, Ct));
        Assert.False(handled.NeedsAction);
        Assert.Equal("Anne Holm", handled.ActionHandledBy);
    }

    [Fact]
    public async Task An_executable_named_as_a_PDF_is_refused_and_leaves_no_thread_and_no_file()
    {
        var (gp, jensId) = await GpAndJensAsync();
        var folder = factory.Services.GetRequiredService<AttachmentStore>().Folder;
        var filesBefore = Directory.GetFiles(folder).ToHashSet();
        var input = PathwayTestData.Thread();

        var ex = await Assert.ThrowsAsync<DomainException>(() => Messages(s =>
            s.StartThreadAsync(gp, jensId, input, [PathwayTestData.Pdf("fine.pdf"), PathwayTestData.File("discharge-letter.pdf", PathwayTestData.ExeBytes)], Ct)));

        Assert.Contains("'discharge-letter.pdf' is not a PDF or an image", ex.Message);
        Assert.Equal(filesBefore, Directory.GetFiles(folder).ToHashSet());
        await using var db = await factory.CreateDbContextAsync(Ct);
        Assert.False(await db.MessageThreads.AnyAsync(t => t.Subject == input.Subject, Ct));
        Assert.DoesNotContain(await Messages(s => s.ListThreadsAsync(gp, jensId, Ct)), t => t.Subject == input.Subject);
    }

    [Fact]
    public async Task An_attachment_is_stored_with_its_sniffed_type_and_opens_with_the_same_bytes()
    {
        var (gp, jensId) = await GpAndJensAsync();
        var nurse = await factory.ActorAsync("nurse.holm", Ct);
        var threadId = await Messages(s => s.StartThreadAsync(gp, jensId, PathwayTestData.Thread(), [PathwayTestData.Pdf("epikrise.pdf")], Ct));

        var attachment = Assert.Single(Assert.Single((await Messages(s => s.OpenThreadAsync(nurse, threadId, Ct))).Messages).Attachments);
        Assert.Equal(("epikrise.pdf", "application/pdf", (long)PathwayTestData.PdfBytes.Length), (attachment.FileName, attachment.ContentType, attachment.Size));

        var download = await Messages(s => s.OpenAttachmentAsync(nurse, attachment.Id, Ct));
        Assert.Equal(("epikrise.pdf", "application/pdf"), (download.FileName, download.ContentType));
        Assert.Equal(PathwayTestData.PdfBytes, await PathwayTestData.ReadAllAsync(download.Content, Ct));
    }

    [Fact]
    public async Task A_thread_shared_with_the_patient_is_visible_to_Jens_and_he_can_reply_but_not_in_others()
    {
        var (gp, jensId) = await GpAndJensAsync();
        var jens = await factory.ActorAsync("jens", Ct);
        var sharedId = await Messages(s => s.StartThreadAsync(gp, jensId, PathwayTestData.Thread(sharedWithPatient: true, text: "How is the breathing?"), [], Ct));
        var staffOnlyId = await Messages(s => s.StartThreadAsync(gp, jensId, PathwayTestData.Thread(), [], Ct));

        var visible = await Messages(s => s.ListThreadsAsync(jens, jensId, Ct));
        Assert.True(Assert.Single(visible, t => t.Id == sharedId).Unread);
        Assert.DoesNotContain(visible, t => t.Id == staffOnlyId);
        Assert.All(visible, t => Assert.True(t.SharedWithPatient));

        await Messages(s => s.ReplyAsync(jens, sharedId, "Better, thank you.", false, [], Ct));

        var thread = await Messages(s => s.OpenThreadAsync(gp, sharedId, Ct));
        Assert.Equal(["How is the breathing?", "Better, thank you."], thread.Messages.Select(m => m.Text));
        Assert.Equal(("Jens Jensen", UserRole.Patient), (thread.Messages[1].AuthorName, thread.Messages[1].AuthorRole));
        await Assert.ThrowsAsync<PatientAccessDeniedException>(() => Messages(s => s.OpenThreadAsync(jens, staffOnlyId, Ct)));
        await Assert.ThrowsAnyAsync<Exception>(() => Messages(s => s.ReplyAsync(jens, staffOnlyId, "Let me in.", false, [], Ct)));
        Assert.Single((await Messages(s => s.OpenThreadAsync(gp, staffOnlyId, Ct))).Messages);
    }

    [Fact]
    public async Task Script_text_is_stored_verbatim()
    {
        const string script = "<script>alert(1)</script>";
        var (gp, jensId) = await GpAndJensAsync();
        var subject = $"{script} {PathwayTestData.Unique()}";

        var threadId = await Messages(s => s.StartThreadAsync(gp, jensId, PathwayTestData.Thread(subject, text: script), [], Ct));
        await Messages(s => s.ReplyAsync(gp, threadId, $"&lt;b&gt; {script} \"quoted\" 'single'", false, [], Ct));

        var thread = await Messages(s => s.OpenThreadAsync(gp, threadId, Ct));
        Assert.Equal(subject, thread.Subject);
        Assert.Equal([script, $"&lt;b&gt; {script} \"quoted\" 'single'"], thread.Messages.Select(m => m.Text));
        await using var db = await factory.CreateDbContextAsync(Ct);
        var stored = await db.MessageThreads.AsNoTracking().SingleAsync(t => t.Id == threadId, Ct);
        Assert.Equal(subject, stored.Subject);
        Assert.Equal(script, stored.Messages.OrderBy(m => m.SentAt).First().Text);
    }

    private async Task<(Actor Gp, Guid JensId)> GpAndJensAsync() => (await factory.ActorAsync("gp.larsen", Ct), await factory.JensIdAsync(Ct));

    private async Task<T> Messages<T>(Func<MessageService, Task<T>> call)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await call(scope.ServiceProvider.GetRequiredService<MessageService>());
    }

    private async Task Messages(Func<MessageService, Task> call)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        await call(scope.ServiceProvider.GetRequiredService<MessageService>());
    }

    private async Task<IReadOnlyList<ThreadSummary>> InboxAsync(Actor actor, InboxFilter filter)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<InboxService>().GetInboxAsync(actor, filter, Ct);
    }
}

public sealed class MessageServiceTests_Sqlite(SqliteAppFactory factory) : MessageServiceTests(factory), IClassFixture<SqliteAppFactory>;

public sealed class MessageServiceTests_PostgreSql(PostgreSqlAppFactory factory) : MessageServiceTests(factory), IClassFixture<PostgreSqlAppFactory>;
