using CareWorkspace.Domain.Common;
using CareWorkspace.Infrastructure.Jobs;
using Hangfire;
using Hangfire.Common;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CareWorkspace.UnitTests.Jobs;

/// <summary>The recurring jobs' shared set-up: cron from configuration, schedule in Danish time, registration.</summary>
public sealed class RecurringJobsTests
{
    [Fact]
    public void A_configured_cron_is_used_and_none_or_an_empty_one_falls_back_to_the_default()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Reminders:Schedule"] = "*/2 * * * *",
            ["FollowUp:Schedule"] = "",
        }).Build();

        Assert.Equal("*/2 * * * *", RecurringJobs.CronFrom(configuration, "Reminders:Schedule", "* * * * *"));
        Assert.Equal("*/5 * * * *", RecurringJobs.CronFrom(configuration, "FollowUp:Schedule", "*/5 * * * *"));
        Assert.Equal("15 3 * * *", RecurringJobs.CronFrom(configuration.GetSection("AccessLog"), "RetentionSchedule", "15 3 * * *"));
    }

    [Fact]
    public void A_job_is_stored_under_its_id_with_its_cron_in_Danish_time()
    {
        var recurring = new RecordingJobManager();

        recurring.ScheduleInDanishTime<SampleJob>("sample", "15 3 * * *", job => job.RunAsync(CancellationToken.None));

        var (id, job, cron, options) = Assert.Single(recurring.Stored);
        Assert.Equal(("sample", "15 3 * * *"), (id, cron));
        Assert.Equal(CopenhagenTime.Zone, options.TimeZone);
        Assert.Equal((typeof(SampleJob), nameof(SampleJob.RunAsync)), (job.Type, job.Method.Name));
        Assert.Empty(recurring.Removed);
    }

    [Fact]
    public void A_job_that_cannot_run_is_taken_out_of_the_store_instead()
    {
        var recurring = new RecordingJobManager();

        recurring.ScheduleInDanishTimeIf<SampleJob>(true, "set-up", "* * * * *", job => job.RunAsync(CancellationToken.None));
        recurring.ScheduleInDanishTimeIf<SampleJob>(false, "not-set-up", "* * * * *", job => job.RunAsync(CancellationToken.None));

        Assert.Equal("set-up", Assert.Single(recurring.Stored).Id);
        Assert.Equal(["not-set-up"], recurring.Removed);
    }

    [Fact]
    public void A_registered_job_resolves_itself_and_as_a_recurring_job()
    {
        using var services = new ServiceCollection().AddRecurringJob<SampleJob>().BuildServiceProvider();

        Assert.NotNull(services.GetRequiredService<SampleJob>());
        Assert.IsType<SampleJob>(Assert.Single(services.GetServices<IRecurringJob>()));
    }

    public sealed class SampleJob : IRecurringJob
    {
        public void Schedule(IRecurringJobManager recurring) =>
            recurring.ScheduleInDanishTime<SampleJob>("sample", "* * * * *", job => job.RunAsync(CancellationToken.None));

        public Task<int> RunAsync(CancellationToken ct) => Task.FromResult(0);
    }

    private sealed class RecordingJobManager : IRecurringJobManager
    {
        public List<(string Id, Job Job, string Cron, RecurringJobOptions Options)> Stored { get; } = [];

        public List<string> Removed { get; } = [];

        public void AddOrUpdate(string recurringJobId, Job job, string cronExpression, RecurringJobOptions options) =>
            Stored.Add((recurringJobId, job, cronExpression, options));

        public void Trigger(string recurringJobId) => throw new NotSupportedException();

        public void RemoveIfExists(string recurringJobId) => Removed.Add(recurringJobId);
    }
}
