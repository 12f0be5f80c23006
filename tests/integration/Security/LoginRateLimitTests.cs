using System.Net;
using CareWorkspace.Infrastructure.Demo;
using CareWorkspace.Infrastructure.Persistence;
using CareWorkspace.IntegrationTests.Infrastructure;

namespace CareWorkspace.IntegrationTests.Security;

/// <summary>Sign-in attempts are limited per user name (existing or not) and per client address, with a plain 429 page.</summary>
public sealed class LoginRateLimitTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("no.such.user")]
    [InlineData("gp.larsen")]
    public async Task Too_many_attempts_for_one_user_name_are_refused_whether_or_not_it_exists(string userName)
    {
        await using var factory = HostWithLimits(perIp: 1000, perUserName: 3);
        using var client = HttpSignIn.NewClient(factory);

        for (var attempt = 1; attempt <= 3; attempt++)
        {
            using var allowed = await HttpSignIn.PostLoginAsync(client, userName, "WrongPassword1", Ct);
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }
        using var refused = await HttpSignIn.PostLoginAsync(client, userName.ToUpperInvariant(), "WrongPassword1", Ct);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter is not null, "A 429 says when to try again.");
        var page = await refused.Content.ReadAsStringAsync(Ct);
        Assert.Contains("Too many sign-in attempts", page);
        Assert.Contains("try again", page);
        // Another user name is not held up by the first.
        using var other = await HttpSignIn.PostLoginAsync(client, "nurse.holm", DemoAccounts.Password, Ct);
        Assert.Equal(HttpStatusCode.Redirect, other.StatusCode);
    }

    [Fact]
    public async Task Too_many_attempts_from_one_address_are_refused_even_for_new_user_names()
    {
        await using var factory = HostWithLimits(perIp: 4, perUserName: 1000);
        using var client = HttpSignIn.NewClient(factory);

        foreach (var userName in new[] { "a.one", "b.two", "c.three", "d.four" })
        {
            using var allowed = await HttpSignIn.PostLoginAsync(client, userName, "WrongPassword1", Ct);
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }
        using var refused = await HttpSignIn.PostLoginAsync(client, "nurse.holm", DemoAccounts.Password, Ct);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.False(refused.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith(HttpSignIn.CookieName + "=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task The_refusal_page_speaks_the_browsers_language()
    {
        await using var factory = HostWithLimits(perIp: 1000, perUserName: 1);
        using var client = HttpSignIn.NewClient(factory);
        client.DefaultRequestHeaders.AcceptLanguage.Clear();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("da-DK");

        using var allowed = await HttpSignIn.PostLoginAsync(client, "no.such.user", "WrongPassword1", Ct);
        using var refused = await HttpSignIn.PostLoginAsync(client, "no.such.user", "WrongPassword1", Ct);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var page = await refused.Content.ReadAsStringAsync(Ct);
        Assert.Contains("<html lang=\"da\">", page, StringComparison.Ordinal);
        Assert.Contains("For mange loginforsøg", page, StringComparison.Ordinal);
        Assert.Contains("Tilbage til login", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Too many", page, StringComparison.Ordinal);
    }

    private static CareAppFactory HostWithLimits(int perIp, int perUserName) =>
        new(DatabaseProvider.Sqlite, new Dictionary<string, string?>
        {
            ["Security:LoginRateLimit:PerIpPermitLimit"] = perIp.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Security:LoginRateLimit:PerUserNamePermitLimit"] = perUserName.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
}
