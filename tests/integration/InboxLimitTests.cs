using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Messaging;
using CareWorkspace.IntegrationTests.Infrastructure;
using CareWorkspace.Web.Features.Messages;
using Microsoft.Extensions.DependencyInjection;

namespace CareWorkspace.IntegrationTests;

/// <summary>
/// The inbox shows at most <see cref="InboxService.MaxThreads"/> threads, but it chooses them among what the viewer
/// may see and what the filter asks for, so an old unread thread is not crowded out by newer ones.
/// Each provider gets a database of its own: these tests fill it with hundreds of threads.
/// </summary>
public abstract class InboxLimitTestBase(CareAppFactory factory)
{
    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected CareAppFactory Factory => factory;

    protected async Task AddThreadsAsync(Guid patientId, Actor author, int count, bool sharedWithPatient)
    {
        await using var db = await factory.CreateDbContextAsync(Ct);
        var start = DateTimeOffset.UtcNow.AddMinutes(1);
        for (var i = 0; i < count; i++)
            db.MessageThreads.Add(new MessageThread(patientId, $"Newer {i}", MessageCategory.Other, sharedWithPatient, false, author,
                "Routine note.", start.AddSeconds(i)));
        await db.SaveChangesAsync(Ct);
    }

    protected async Task<Guid> StartAsync(Actor actor, Guid patientId, NewThreadInput input)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MessageService>().StartThreadAsync(actor, patientId, input, [], Ct);
    }

    protected async Task<IReadOnlyList<ThreadSummary>> InboxAsync(Actor actor, InboxFilter filter)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<InboxService>().GetInboxAsync(actor, filter, Ct);
    }
}

/// <summary>The staff side: an old unread thread is not crowded out by newer ones the reader wrote.</summary>
public abstract class InboxLimitTests(CareAppFactory factory) : InboxLimitTestBase(factory)
{
    [Fact]
    public async Task An_unread_thread_older_than_the_newest_200_still_shows_under_Unread()
    {
        var gp = await Factory.ActorAsync("gp.larsen", Ct);
        var nurse = await Factory.ActorAsync("nurse.holm", Ct);
        var jensId = await Factory.JensIdAsync(Ct);
        var old = await StartAsync(gp, jensId, PathwayTestData.Thread("Old and unread"));
        // Newer threads the nurse wrote herself: none of them is unread for her.
        await AddThreadsAsync(jensId, nurse, InboxService.MaxThreads + 5, sharedWithPatient: false);

        var unread = await InboxAsync(nurse, InboxFilter.Unread);

        Assert.True(Assert.Single(unread, t => t.Id == old).Unread);
        Assert.All(unread, t => Assert.True(t.Unread));
    }

}

/// <summary>The patient's side, in a database of its own: the unread test above must not see these staff threads.</summary>
public abstract class PatientInboxLimitTests(CareAppFactory factory) : InboxLimitTestBase(factory)
{
    [Fact]
    public async Task A_shared_thread_older_than_200_unshared_ones_still_shows_to_the_patient()
    {
        var gp = await Factory.ActorAsync("gp.larsen", Ct);
        var jens = await Factory.ActorAsync("jens", Ct);
        var jensId = await Factory.JensIdAsync(Ct);
        var shared = await StartAsync(gp, jensId, PathwayTestData.Thread("Shared with Jens", sharedWithPatient: true));
        // Newer threads among staff only: Jens may not see them, so they must not use up his 200.
        await AddThreadsAsync(jensId, gp, InboxService.MaxThreads + 5, sharedWithPatient: false);

        var all = await InboxAsync(jens, InboxFilter.All);

        Assert.Contains(all, t => t.Id == shared);
        Assert.All(all, t => Assert.True(t.SharedWithPatient));
    }

}

public sealed class InboxLimitTests_Sqlite(SqliteAppFactory factory) : InboxLimitTests(factory), IClassFixture<SqliteAppFactory>;

public sealed class InboxLimitTests_PostgreSql(PostgreSqlAppFactory factory) : InboxLimitTests(factory), IClassFixture<PostgreSqlAppFactory>;

public sealed class PatientInboxLimitTests_Sqlite(SqliteAppFactory factory) : PatientInboxLimitTests(factory), IClassFixture<SqliteAppFactory>;

public sealed class PatientInboxLimitTests_PostgreSql(PostgreSqlAppFactory factory) : PatientInboxLimitTests(factory), IClassFixture<PostgreSqlAppFactory>;
