using Microsoft.Extensions.Configuration;

namespace CareWorkspace.Infrastructure.Video;

/// <summary>The <c>Video</c> settings: the address of the Jitsi-compatible meeting server (<c>Video:BaseUrl</c>).</summary>
public sealed record VideoSettings(Uri BaseUrl)
{
    public static readonly Uri DefaultBaseUrl = new("https://meet.jit.si/");

    public static VideoSettings From(IConfiguration configuration)
    {
        var text = configuration["Video:BaseUrl"];
        if (string.IsNullOrWhiteSpace(text))
            return new VideoSettings(DefaultBaseUrl);
        if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
            throw new InvalidOperationException($"Video:BaseUrl must be an absolute http(s) address of a Jitsi-compatible server, not '{text}'.");
        return new VideoSettings(url.AbsoluteUri.EndsWith('/') ? url : new Uri(url.AbsoluteUri + "/"));
    }
}
