using CareWorkspace.Domain.Audit;
using CareWorkspace.Infrastructure.Jobs;
using Microsoft.Extensions.Configuration;

namespace CareWorkspace.Infrastructure.AccessLog.Retention;

/// <summary>
/// <c>AccessLog:RetentionYears</c> (default 5, at least 2: a shorter period stops start-up), <c>AccessLog:ArchiveDirectory</c>
/// (default <c>access-log-archive</c> in the data folder), <c>AccessLog:RetentionSchedule</c> (cron, default 03:15 every
/// night, Copenhagen time) and <c>AccessLog:RetentionBatchSize</c> (1,000 records read or deleted at a time).
/// </summary>
public sealed record AccessLogRetentionSettings(int RetentionYears, string ArchiveDirectory, string Schedule, int BatchSize)
{
    public const string RetentionYearsKey = "AccessLog:RetentionYears";
    public const int DefaultRetentionYears = 5;
    public const string DefaultArchiveFolder = "access-log-archive";

    public static AccessLogRetentionSettings From(IConfiguration configuration, string dataFolder)
    {
        var section = configuration.GetSection("AccessLog");
        var yearsText = section["RetentionYears"];
        var years = DefaultRetentionYears;
        if (!string.IsNullOrWhiteSpace(yearsText) && !int.TryParse(yearsText, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out years))
            throw new InvalidOperationException($"{RetentionYearsKey} must be a whole number of years (at least {AccessLogRetention.MinimumYears}), not '{yearsText}'.");
        AccessLogRetention.Validate(years, RetentionYearsKey);
        var directory = section["ArchiveDirectory"] is { Length: > 0 } configured
            ? Path.GetFullPath(configured, dataFolder)
            : Path.Combine(dataFolder, DefaultArchiveFolder);
        return new AccessLogRetentionSettings(years, directory,
            RecurringJobs.CronFrom(section, "RetentionSchedule", "15 3 * * *"),
            Math.Clamp(section.GetValue("RetentionBatchSize", 1000), 1, 1000));
    }
}
