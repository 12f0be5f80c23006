using System.Net;
using CareWorkspace.Infrastructure.Demo;
using CareWorkspace.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CareWorkspace.IntegrationTests.Security;

/// <summary>
/// Two instances behind a load balancer share their data-protection keys through the PostgreSQL database,
/// so a cookie or an antiforgery token issued by one is accepted by the other.
/// </summary>
public sealed class SharedKeysAcrossInstancesTests(TwoHostsFixture hosts) : IClassFixture<TwoHostsFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_cookie_issued_by_host_A_signs_the_user_in_on_host_B()
    {
        var (client, cookie) = await HttpSignIn.SignInAsync(hosts.A, "gp.larsen", Ct);
        client.Dispose();

        Assert.Equal(HttpStatusCode.Redirect, await KeyPages.HomeStatusAsync(hosts.B, cookie: null, Ct));
        Assert.Equal(HttpStatusCode.OK, await KeyPages.HomeStatusAsync(hosts.B, cookie, Ct));
        // The shared key ring is the database's, not a folder both test hosts happen to share on this machine.
        await using var db = await hosts.B.CreateDbContextAsync(Ct);
        Assert.NotEmpty(await db.DataProtectionKeys.ToListAsync(Ct));
    }

    [Fact]
    public async Task A_login_form_loaded_from_host_A_can_be_posted_to_host_B()
    {
        using var fromA = KeyPages.ClientWithoutCookies(hosts.A);
        using var page = await fromA.GetAsync("/account/login", Ct);
        var antiforgeryCookie = KeyPages.CookiesSetBy(page);
        var fields = HttpSignIn.HiddenFields(await page.Content.ReadAsStringAsync(Ct));
        fields["Input.UserName"] = "nurse.holm";
        fields["Input.Password"] = DemoAccounts.Password;

        using var toB = KeyPages.ClientWithoutCookies(hosts.B);
        using var post = new HttpRequestMessage(HttpMethod.Post, "/account/login") { Content = new FormUrlEncodedContent(fields) };
        post.Headers.Add("Cookie", antiforgeryCookie);
        using var response = await toB.SendAsync(post, Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(HttpSignIn.CookieName + "=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_sign_out_form_token_made_on_host_A_is_accepted_by_host_B()
    {
        var (client, cookie) = await HttpSignIn.SignInAsync(hosts.A, "physio.mikkelsen", Ct);
        client.Dispose();
        var (antiforgeryCookie, fields) = await KeyPages.SignOutFormTokenAsync(hosts.A, "physio.mikkelsen", Ct);

        using var response = await KeyPages.PostSignOutAsync(hosts.B, cookie + "; " + antiforgeryCookie, fields, Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.EndsWith("/account/login", response.Headers.Location?.ToString());
    }
}
