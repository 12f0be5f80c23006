using System.Net;
using System.Text.Json;
using CareWorkspace.Infrastructure.Demo;
using Microsoft.Playwright;

namespace CareWorkspace.PathwayLatency;

/// <summary>The demo users the viewers rotate over: every one of them has access to Jens' care team tab.</summary>
internal static class Users
{
    public const string Editor = "gp.larsen";

    public static IReadOnlyList<string> Viewers { get; } =
        ["gp.larsen", "nurse.holm", "hospital.doctor", "careworker.berg", "physio.mikkelsen", "gp.secretary", "coordinator.dahl"];
}

/// <summary>
/// Signs each demo user in once, through the real login form in Chromium, and hands out the resulting
/// cookies: as a Playwright storage state for browser viewers, as a cookie container for headless circuits.
/// </summary>
internal sealed class LoginStates(IBrowser browser, Uri baseAddress)
{
    private readonly Dictionary<string, string> states = [];

    public async Task<string> BrowserStateAsync(string userName)
    {
        if (states.TryGetValue(userName, out var state))
            return state;
        var account = DemoAccounts.All.Single(a => a.UserName == userName);
        await using var context = await browser.NewContextAsync(new() { BaseURL = baseAddress.ToString(), Locale = "en-GB" });
        var page = await context.NewPageAsync();
        await page.GotoAsync("account/login");
        await page.GetByLabel("User name").FillAsync(userName);
        await page.GetByLabel("Password").FillAsync(DemoAccounts.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
        await page.GetByTestId("signed-in-user").GetByText(account.DisplayName).WaitForAsync(new() { Timeout = 30_000 });
        state = await context.StorageStateAsync();
        states[userName] = state;
        return state;
    }

    public async Task<CookieContainer> CookiesAsync(string userName)
    {
        using var json = JsonDocument.Parse(await BrowserStateAsync(userName));
        var cookies = new CookieContainer();
        foreach (var c in json.RootElement.GetProperty("cookies").EnumerateArray())
        {
            cookies.Add(new System.Net.Cookie(c.GetProperty("name").GetString()!, c.GetProperty("value").GetString()!,
                c.GetProperty("path").GetString()!, c.GetProperty("domain").GetString()!));
        }
        return cookies;
    }
}
