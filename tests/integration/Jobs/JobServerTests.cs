using CareWorkspace.Domain.Notifications;
using CareWorkspace.Infrastructure.AccessLog.Retention;
using CareWorkspace.Infrastructure.FollowUp;
using CareWorkspace.Infrastructure.Persistence;
using CareWorkspace.Infrastructure.Reminders;
using CareWorkspace.IntegrationTests.Infrastructure;
using Hangfire;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareWorkspace.IntegrationTests.Jobs;

/// <summary>The app's own job server on its own database: the recurring jobs are in the store and the server runs them.</summary>
public abstract class JobServerTests(CareAppFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_recurring_jobs_are_stored_and_the_server_runs_the_reminder_job()
    {
        var storage = factory.Services.GetRequiredService<JobStorage>();
        using (var connection = storage.GetConnection())
        {
            var recurring = connection.GetRecurringJobs().Select(j => j.Id).ToList();
            Assert.Contains(AppointmentReminderJob.JobId, recurring);
            Assert.Contains(FollowUpEscalationJob.JobId, recurring);
            Assert.Contains(AccessLogRetentionJob.JobId, recurring);
        }
        var jens = (await factory.ActorAsync("jens", Ct)).UserId;
        var before = await RemindersAsync(jens);

        await AppointmentReminderJobTestsSupport.BookForJensAsync(factory, TimeSpan.FromHours(1), Ct);
        factory.Services.GetRequiredService<IRecurringJobManager>().Trigger(AppointmentReminderJob.JobId);

        // The server polls every second; wait for the outcome, not for a time.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        while (await RemindersAsync(jens) == before)
        {
            var failed = storage.GetMonitoringApi().FailedJobs(0, 5);
            Assert.True(failed.Count == 0, string.Join(Environment.NewLine, failed.Select(f => f.Value.ExceptionDetails)));
            await Task.Delay(200, timeout.Token);
        }
    }

    private async Task<int> RemindersAsync(string userId)
    {
        await using var db = await factory.CreateDbContextAsync(Ct);
        return await db.Notifications.AsNoTracking().CountAsync(n => n.RecipientUserId == userId && n.Kind == NotificationKind.AppointmentReminder, Ct);
    }
}

public sealed class JobServerSqliteFactory() : CareAppFactory(DatabaseProvider.Sqlite, new Dictionary<string, string?> { ["Jobs:RunServer"] = "true" });

public sealed class JobServerPostgreSqlFactory() : CareAppFactory(DatabaseProvider.PostgreSql, new Dictionary<string, string?> { ["Jobs:RunServer"] = "true" });

public sealed class JobServerTests_Sqlite(JobServerSqliteFactory factory) : JobServerTests(factory), IClassFixture<JobServerSqliteFactory>;

public sealed class JobServerTests_PostgreSql(JobServerPostgreSqlFactory factory) : JobServerTests(factory), IClassFixture<JobServerPostgreSqlFactory>;
