using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using CareWorkspace.Infrastructure.Demo;
using CareWorkspace.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CareWorkspace.E2ETests;

/// <summary>
/// Base for browser tests: one new browser context per user, screenshots of every open page when a test fails,
/// and a check that no static asset (MudBlazor CSS/JS, blazor.web.js) failed to load.
/// </summary>
[Collection(AppCollection.Name)]
public abstract partial class BrowserTest(AppFixture app) : IAsyncDisposable
{
    private readonly List<Session> sessions = [];

    protected AppFixture App => app;

    /// <summary>Opens a new, isolated browser context and page for one user (or an anonymous visitor).</summary>
    protected Task<IPage> OpenPageAsync(string who) => OpenPageAsync(who, App.NewContextAsync());

    /// <summary>Opens a page in a context whose browser language and language cookie the test chooses.</summary>
    protected Task<IPage> OpenPageAsync(string who, string locale, string? languageCookie) =>
        OpenPageAsync(who, App.NewContextAsync(locale, languageCookie));

    private async Task<IPage> OpenPageAsync(string who, Task<IBrowserContext> newContext)
    {
        var context = await newContext;
        var page = await context.NewPageAsync();
        var session = new Session(who, context, page);
        page.Response += (_, response) =>
        {
            if (response.Status >= 400 && IsStaticAsset(response.Url))
                session.Problems.Add($"{response.Status} {response.Url}");
        };
        page.RequestFailed += (_, request) =>
        {
            if (IsStaticAsset(request.Url))
                session.Problems.Add($"failed {request.Url}: {request.Failure}");
        };
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
                session.Log.Add($"console {message.Type}: {message.Text}");
        };
        page.PageError += (_, error) => session.Log.Add($"page error: {error}");
        sessions.Add(session);
        return page;
    }

    /// <summary>Runs a test body; on failure screenshots every open page (and writes its console log) to tests/e2e/artifacts.</summary>
    protected async Task RunAsync(Func<Task> body, [CallerMemberName] string test = "")
    {
        try
        {
            await body();
            var problems = sessions.SelectMany(s => s.Problems.Select(p => $"{s.Who}: {p}")).ToList();
            Assert.True(problems.Count == 0, "Static assets failed to load:\n" + string.Join("\n", problems));
        }
        catch
        {
            foreach (var session in sessions)
            {
                var stem = Path.Combine(AppFixture.ArtifactsFolder, $"{test}-{session.Who}-FAILED");
                try
                {
                    await session.Page.ScreenshotAsync(new() { Path = stem + ".png", FullPage = true, Timeout = 10_000 });
                }
                catch (PlaywrightException)
                {
                    // The page may be gone; the log below still helps.
                }
                await File.WriteAllLinesAsync(stem + ".log", [$"url: {session.Page.Url}", .. session.Log, .. session.Problems]);
            }
            throw;
        }
    }

    /// <summary>Jens' patient id, read from the app's database.</summary>
    protected async Task<Guid> JensIdAsync()
    {
        var dbFactory = App.Services.GetRequiredService<IDbContextFactory<CareDbContext>>();
        await using var db = await dbFactory.CreateDbContextAsync(TestContext.Current.CancellationToken);
        var jensUser = db.Users.Where(u => u.UserName == "jens").Select(u => u.Id);
        return await db.Patients.Where(p => jensUser.Contains(p.UserId!)).Select(p => p.Id).SingleAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>Puts a marker into the page's window (gone after any reload) and returns the current address.</summary>
    protected static async Task<string> MarkPageAsync(IPage page)
    {
        await page.EvaluateAsync("() => { window.__marker = 1; }");
        return page.Url;
    }

    /// <summary>The page marked by <see cref="MarkPageAsync"/> was not reloaded and is still at the same address.</summary>
    protected static async Task AssertNotReloadedAsync(IPage page, string url)
    {
        Assert.True(await page.EvaluateAsync<bool>("() => window.__marker === 1"), $"{page.Url} was reloaded.");
        Assert.Equal(url, page.Url);
    }

    /// <summary>A demo patient's id by name, read from the app's database.</summary>
    internal static async Task<Guid> PatientIdAsync(AppFixture app, string given, string family)
    {
        var dbFactory = app.Services.GetRequiredService<IDbContextFactory<CareDbContext>>();
        await using var db = await dbFactory.CreateDbContextAsync(TestContext.Current.CancellationToken);
        return await db.Patients.Where(p => p.GivenName == given && p.FamilyName == family).Select(p => p.Id)
            .SingleAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>Saves a full-page screenshot to tests/e2e/artifacts and returns its path.</summary>
    protected static async Task<string> ScreenshotAsync(IPage page, string name)
    {
        var path = Path.Combine(AppFixture.ArtifactsFolder, name + ".png");
        await page.ScreenshotAsync(new() { Path = path, FullPage = true });
        return path;
    }

    /// <summary>
    /// Signs in through the login form and waits until the app bar shows the user's name and the
    /// interactive page has loaded blazor.web.js.
    /// </summary>
    protected static async Task LogInAsync(IPage page, string userName)
    {
        var account = DemoAccounts.All.Single(a => a.UserName == userName);
        await page.GotoAsync("account/login");
        await page.GetByLabel("User name").FillAsync(userName);
        await page.GetByLabel("Password").FillAsync(DemoAccounts.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
        await Expect(page.GetByTestId("signed-in-user")).ToContainTextAsync(account.DisplayName);
        await WaitForBlazorAsync(page);
    }

    /// <summary>blazor.web.js has loaded and started (the page can become interactive).</summary>
    protected static async Task WaitForBlazorAsync(IPage page) =>
        await page.WaitForFunctionAsync("() => window.Blazor !== undefined");

    /// <summary>
    /// Waits until the patient table has been filled by the live circuit (MudTable loads server data only
    /// once interactive), so typing into the search field is not lost to prerendered HTML.
    /// </summary>
    protected static async Task WaitForPatientTableAsync(IPage page)
    {
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Patients" })).ToBeVisibleAsync();
        await WaitForBlazorAsync(page);
        await Expect(PatientRows(page).Or(page.GetByText("No patients match.")).First).ToBeVisibleAsync();
    }

    /// <summary>Rows of the patient table that link to a patient.</summary>
    protected static ILocator PatientRows(IPage page) =>
        page.GetByTestId("patient-table").Locator("tbody tr").Filter(new() { Has = page.Locator("a[href*='patients/']") });

    /// <summary>
    /// Types into the patient search and waits for <paramref name="expectation"/>; retries the typing a couple
    /// of times in case the first input went to the prerendered page before the circuit took over.
    /// </summary>
    protected static async Task SearchPatientsAsync(IPage page, string text, Func<Task> expectation)
    {
        var search = page.GetByLabel("Search by name or CPR");
        for (var attempt = 1; ; attempt++)
        {
            await search.FillAsync(text);
            try
            {
                await expectation();
                return;
            }
            catch (PlaywrightException) when (attempt < 3)
            {
                await search.FillAsync("");
            }
        }
    }

    /// <summary>Matches the login page's address.</summary>
    [GeneratedRegex("/account/login")]
    protected static partial Regex LoginUrl();

    public async ValueTask DisposeAsync()
    {
        foreach (var session in sessions)
            await session.Context.CloseAsync();
        GC.SuppressFinalize(this);
    }

    private static bool IsStaticAsset(string url) =>
        url.Contains("/_content/", StringComparison.Ordinal) || url.Contains("/_framework/", StringComparison.Ordinal)
        || url.EndsWith(".css", StringComparison.Ordinal) || url.EndsWith(".js", StringComparison.Ordinal);

    private sealed record Session(string Who, IBrowserContext Context, IPage Page)
    {
        public List<string> Problems { get; } = [];
        public List<string> Log { get; } = [];
    }
}
