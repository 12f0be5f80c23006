using CareWorkspace.Infrastructure.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace CareWorkspace.Infrastructure.AccessLog.Retention;

public static class AccessLogRetentionRegistration
{
    /// <summary>Reads and checks the retention settings now, so that a period under two years stops start-up.</summary>
    public static void AddAccessLogRetention(this IHostApplicationBuilder builder, string dataFolder)
    {
        builder.Services.AddSingleton(AccessLogRetentionSettings.From(builder.Configuration, dataFolder));
        builder.Services.TryAddSingleton<JobLeases>();
        builder.Services.AddRecurringJob<AccessLogRetentionJob>();
    }
}
