using System.Net;
using System.Text.RegularExpressions;
using CareWorkspace.Infrastructure.Demo;
using CareWorkspace.Infrastructure.Identity;
using CareWorkspace.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CareWorkspace.IntegrationTests.Security;

/// <summary>A locked account answers exactly as an unknown user name and a wrong password do, so the answer reveals no account.</summary>
public sealed partial class LockoutMessageTests(SqliteAppFactory factory) : IClassFixture<SqliteAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_locked_account_an_unknown_name_and_a_wrong_password_get_the_same_answer()
    {
        using var client = HttpSignIn.NewClient(factory);
        for (var attempt = 1; attempt <= 5; attempt++)
            (await HttpSignIn.PostLoginAsync(client, "careworker.berg", "WrongPassword1", Ct)).Dispose();
        Assert.True(await IsLockedOutAsync("careworker.berg"));

        var locked = await AlertAsync(client, "careworker.berg", DemoAccounts.Password);
        var unknown = await AlertAsync(client, "no.such.person", DemoAccounts.Password);
        var wrongPassword = await AlertAsync(client, "nurse.holm", "WrongPassword1");

        Assert.Contains("locked", locked);
        Assert.Equal(unknown, locked);
        Assert.Equal(wrongPassword, locked);
    }

    private static async Task<string> AlertAsync(HttpClient client, string userName, string password)
    {
        using var response = await HttpSignIn.PostLoginAsync(client, userName, password, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var alert = Alert().Match(await response.Content.ReadAsStringAsync(Ct));
        Assert.True(alert.Success, $"No error shown for {userName}.");
        return alert.Groups["text"].Value.Trim();
    }

    private async Task<bool> IsLockedOutAsync(string userName)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CareUser>>();
        return await users.IsLockedOutAsync((await users.FindByNameAsync(userName))!);
    }

    [GeneratedRegex("role=\"alert\">(?<text>[^<]*)<", RegexOptions.IgnoreCase)]
    private static partial Regex Alert();
}
