using CareWorkspace.Domain.NationalSync;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace CareWorkspace.Infrastructure.NationalServices;

/// <summary>
/// The base URL of each national service: the configured one, or in demo mode the app's own sandbox
/// (<c>/sandbox/fhir/&lt;Service&gt;/</c>), reached over HTTP like any other endpoint. Null: the service is not set up.
/// </summary>
public sealed class NationalServiceEndpoints(NationalServicesSettings settings, IServer server)
{
    public const string SandboxPath = "/sandbox/fhir";

    public Uri? BaseUrlOf(NationalService service)
    {
        if (settings.BaseUrls.TryGetValue(service, out var configured))
            return configured;
        if (!settings.SandboxEnabled || SandboxOrigin() is not { } origin)
            return null;
        return new Uri(origin, $"{SandboxPath}/{service}/");
    }

    private Uri? SandboxOrigin()
    {
        if (settings.SandboxOrigin is { } origin)
            return origin;
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        if (address is null)
            return null;
        // Kestrel may listen on every interface; the app reaches itself on loopback.
        address = address.Replace("://+", "://localhost", StringComparison.Ordinal)
            .Replace("://*", "://localhost", StringComparison.Ordinal)
            .Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal)
            .Replace("://[::]", "://localhost", StringComparison.Ordinal);
        return Uri.TryCreate(address, UriKind.Absolute, out var uri) ? uri : null;
    }
}
