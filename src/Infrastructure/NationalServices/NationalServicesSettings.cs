using CareWorkspace.Domain.NationalSync;
using Hangfire;
using Microsoft.Extensions.Configuration;

namespace CareWorkspace.Infrastructure.NationalServices;

/// <summary>
/// <c>NationalServices:*</c>. Per service (<c>NationalServices:&lt;Service&gt;:BaseUrl</c>, <c>…:Schedule</c>): its FHIR R4
/// base URL (in demo mode the app's own sandbox when none is set) and how often it is synced. For all services:
/// <c>Timeout</c> per attempt (default 10 s), <c>Retries</c> (3) with <c>RetryDelay</c> (1 s, exponential with jitter),
/// <c>MaxBodyBytes</c> (10 MB: a bigger response is refused), <c>PageSize</c> (100), <c>GpFollowUpWithinDays</c> (7: the GP
/// follow-up an imported discharge asks for).
/// </summary>
public sealed record NationalServicesSettings
{
    public const string Section = "NationalServices";

    public IReadOnlyDictionary<NationalService, Uri> BaseUrls { get; init; } = new Dictionary<NationalService, Uri>();
    public IReadOnlyDictionary<NationalService, string> Schedules { get; init; } = new Dictionary<NationalService, string>();
    public bool SandboxEnabled { get; init; }

    /// <summary><c>NationalServices:SandboxOrigin</c>: where the app's own sandbox is reached (default: the app's first listening address).</summary>
    public Uri? SandboxOrigin { get; init; }

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);
    public int Retries { get; init; } = 3;
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(1);
    public long MaxBodyBytes { get; init; } = 10 * 1024 * 1024;
    public int PageSize { get; init; } = 100;
    public int GpFollowUpWithinDays { get; init; } = 7;

    /// <summary>How old a patient's master data may be before the person sync asks the register again.</summary>
    public TimeSpan PersonRefreshAfter { get; init; } = TimeSpan.FromDays(1);

    /// <summary>How old a patient's data from a service may be when their pathway is opened before just their data is fetched again.</summary>
    public TimeSpan RefreshOnOpenAfter { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>A base URL is set, or the sandbox stands in for it.</summary>
    public bool IsSetUp(NationalService service) => BaseUrls.ContainsKey(service) || SandboxEnabled;

    public string ScheduleOf(NationalService service) => Schedules.GetValueOrDefault(service) ?? Cron.Minutely();

    public static NationalServicesSettings From(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var urls = new Dictionary<NationalService, Uri>();
        var schedules = new Dictionary<NationalService, string>();
        foreach (var service in Enum.GetValues<NationalService>())
        {
            var own = section.GetSection(service.ToString());
            if (own["BaseUrl"] is { Length: > 0 } url)
                urls[service] = Uri.TryCreate(WithSlash(url), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
                    ? uri
                    : throw new InvalidOperationException($"{Section}:{service}:BaseUrl is not an http(s) URL: {url}");
            if (own["Schedule"] is { Length: > 0 } cron)
                schedules[service] = cron;
        }
        var retries = section.GetValue("Retries", 3);
        return new NationalServicesSettings
        {
            BaseUrls = urls,
            Schedules = schedules,
            SandboxEnabled = configuration.GetValue("Demo:Enabled", false),
            SandboxOrigin = section["SandboxOrigin"] is { Length: > 0 } origin ? new Uri(origin, UriKind.Absolute) : null,
            Timeout = Positive(section.GetValue("Timeout", TimeSpan.FromSeconds(10)), "Timeout"),
            Retries = retries is >= 1 and <= 10 ? retries : throw new InvalidOperationException($"{Section}:Retries must be 1 to 10, not {retries}."),
            RetryDelay = Positive(section.GetValue("RetryDelay", TimeSpan.FromSeconds(1)), "RetryDelay"),
            MaxBodyBytes = Math.Max(1024, section.GetValue("MaxBodyBytes", 10L * 1024 * 1024)),
            PageSize = Math.Clamp(section.GetValue("PageSize", 100), 1, 1000),
            GpFollowUpWithinDays = Math.Clamp(section.GetValue("GpFollowUpWithinDays", 7), 1, Domain.FollowUp.FollowUpTask.MaxDays),
            PersonRefreshAfter = Positive(section.GetValue("PersonRefreshAfter", TimeSpan.FromDays(1)), "PersonRefreshAfter"),
            RefreshOnOpenAfter = Positive(section.GetValue("RefreshOnOpenAfter", TimeSpan.FromMinutes(15)), "RefreshOnOpenAfter"),
        };
    }

    private static string WithSlash(string url) => url.EndsWith('/') ? url : url + "/";

    private static TimeSpan Positive(TimeSpan value, string name) =>
        value > TimeSpan.Zero ? value : throw new InvalidOperationException($"{Section}:{name} must be positive, not {value}.");
}
