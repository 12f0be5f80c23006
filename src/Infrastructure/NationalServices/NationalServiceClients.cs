using CareWorkspace.Domain.NationalSync;
using Microsoft.Extensions.Logging;

namespace CareWorkspace.Infrastructure.NationalServices;

/// <summary>A reader per national service, on the named HttpClient ("national:&lt;Service&gt;") with its resilience pipeline.</summary>
public sealed class NationalServiceClients(IHttpClientFactory clients, NationalServiceEndpoints endpoints, NationalServicesSettings settings, ILoggerFactory loggers)
{
    public static string ClientName(NationalService service) => "national:" + service;

    public FhirSearchReader ReaderFor(NationalService service)
    {
        var baseUrl = endpoints.BaseUrlOf(service)
            ?? throw new NationalServiceException(service, NationalServiceFailure.NotConfigured, $"no base URL (set {NationalServicesSettings.Section}:{service}:BaseUrl)");
        return new FhirSearchReader(clients.CreateClient(ClientName(service)), service, baseUrl, settings.MaxBodyBytes,
            loggers.CreateLogger<FhirSearchReader>());
    }

    /// <summary>The changes since <paramref name="since"/> (all, when null), oldest first, a page at a time.</summary>
    public string ChangedSince(string resourceType, DateTimeOffset? since) =>
        $"{resourceType}?_sort=_lastUpdated&_count={settings.PageSize}"
        + (since is { } from ? "&_lastUpdated=" + FhirSearchReader.Escape(FhirSearchReader.Since(from)) : "");
}
