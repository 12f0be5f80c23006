using System.Net;
using CareWorkspace.Infrastructure.Persistence;
using CareWorkspace.IntegrationTests.Infrastructure;

namespace CareWorkspace.IntegrationTests.Security;

/// <summary>
/// The Blazor circuit and the pathway hub answer a browser only from this site's own origin or one listed in
/// Security:AllowedOrigins, so another site cannot open a connection that rides on the user's cookie.
/// </summary>
public sealed class OriginAllowlistTests : IAsyncLifetime
{
    private const string Foreign = "http://evil.example";
    private const string Partner = "https://portal.partner.example";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly CareAppFactory factory = new(DatabaseProvider.Sqlite, new Dictionary<string, string?>
    {
        ["Security:AllowedOrigins:0"] = Partner,
    });

    [Theory]
    [InlineData("/_blazor/negotiate?negotiateVersion=1")]
    [InlineData("/hubs/pathway/negotiate?negotiateVersion=1")]
    public async Task A_negotiate_from_a_foreign_origin_is_refused(string path)
    {
        var (client, _) = await HttpSignIn.SignInAsync(factory, "gp.larsen", Ct);
        using (client)
        {
            Assert.Equal(HttpStatusCode.Forbidden, await NegotiateAsync(client, path, Foreign));
            Assert.Equal(HttpStatusCode.Forbidden, await NegotiateAsync(client, path, "null"));
            Assert.Equal(HttpStatusCode.OK, await NegotiateAsync(client, path, client.BaseAddress!.GetLeftPart(UriPartial.Authority)));
            Assert.Equal(HttpStatusCode.OK, await NegotiateAsync(client, path, Partner));
            Assert.Equal(HttpStatusCode.OK, await NegotiateAsync(client, path, origin: null));
        }
    }

    [Theory]
    [InlineData("/_blazor")]
    [InlineData("/hubs/pathway")]
    public async Task A_WebSocket_handshake_from_a_foreign_origin_is_refused(string path)
    {
        var sockets = factory.Server.CreateWebSocketClient();
        sockets.ConfigureRequest = request => request.Headers.Origin = Foreign;

        var refused = await Assert.ThrowsAnyAsync<Exception>(() => sockets.ConnectAsync(new Uri(new Uri("ws://localhost"), path), Ct));

        Assert.Contains("403", refused.Message);
    }

    private static async Task<HttpStatusCode> NegotiateAsync(HttpClient client, string path, string? origin)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path);
        if (origin is not null)
            request.Headers.Add("Origin", origin);
        using var response = await client.SendAsync(request, Ct);
        return response.StatusCode;
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => factory.DisposeAsync();
}
