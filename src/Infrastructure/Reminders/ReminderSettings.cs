using CareWorkspace.Domain.Reminders;
using CareWorkspace.Infrastructure.Jobs;
using Hangfire;
using Microsoft.Extensions.Configuration;

namespace CareWorkspace.Infrastructure.Reminders;

/// <summary><c>Reminders:LeadTime</c> (default 24 h), <c>Reminders:Schedule</c> (cron, default every minute), <c>Reminders:BatchSize</c> (500).</summary>
public sealed record ReminderSettings(TimeSpan LeadTime, string Schedule, int BatchSize)
{
    /// <summary>An e-mail or SMS claimed this long ago but not marked sent is sent again (the run that claimed it stopped).</summary>
    public TimeSpan ResendUnsentAfter { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>A consent given this long before a check is looked at once more (it may not have been committed yet).</summary>
    public TimeSpan ConsentSettleTime { get; init; } = TimeSpan.FromMinutes(1);

    public static ReminderSettings From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Reminders");
        var lead = section.GetValue("LeadTime", AppointmentReminderRules.DefaultLeadTime);
        if (lead <= TimeSpan.Zero)
            throw new InvalidOperationException($"Reminders:LeadTime must be positive, not {lead}.");
        return new ReminderSettings(lead, RecurringJobs.CronFrom(section, "Schedule", Cron.Minutely()), Math.Clamp(section.GetValue("BatchSize", 500), 1, 5000));
    }
}
