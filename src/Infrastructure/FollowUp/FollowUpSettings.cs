using CareWorkspace.Infrastructure.Jobs;
using Microsoft.Extensions.Configuration;

namespace CareWorkspace.Infrastructure.FollowUp;

/// <summary><c>FollowUp:EscalateAfter</c> (default 3 days after the discharge) and <c>FollowUp:Schedule</c> (cron, default every 5 minutes).</summary>
public sealed record FollowUpSettings(TimeSpan EscalateAfter, string Schedule)
{
    public static FollowUpSettings From(IConfiguration configuration)
    {
        var section = configuration.GetSection("FollowUp");
        var after = section.GetValue("EscalateAfter", TimeSpan.FromDays(3));
        if (after < TimeSpan.Zero)
            throw new InvalidOperationException($"FollowUp:EscalateAfter must not be negative, not {after}.");
        return new FollowUpSettings(after, RecurringJobs.CronFrom(section, "Schedule", "*/5 * * * *"));
    }
}
