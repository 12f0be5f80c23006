using System.Globalization;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CareWorkspace.E2ETests;

/// <summary>The joint calendar with two people at once: an appointment booked at the GP clinic appears in the relative's open calendar.</summary>
public sealed class CalendarLiveTests(AppFixture app) : BrowserTest(app)
{
    private static readonly LocatorAssertionsToBeVisibleOptions Live = new() { Timeout = 5_000 };

    [Fact]
    public Task The_GP_secretary_books_Jens_follow_up_and_Ullas_open_calendar_shows_it_without_a_reload() => RunAsync(async () =>
    {
        var jens = await JensIdAsync();
        // A day in the coming weeks (inside the agenda every viewer opens on) and a minute of its own.
        var day = TodayInCopenhagen().AddDays(2 + Random.Shared.Next(20));
        var start = new TimeOnly(19, Random.Shared.Next(0, 39));
        var end = start.AddMinutes(20);
        var when = (Day: day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Time: $"{start:HH\\:mm}–{end:HH\\:mm}");

        var ulla = await OpenPageAsync("ulla");
        await LogInAsync(ulla, "ulla");
        await OpenCalendarAsync(ulla, jens);
        // A relative reads the calendar but books nothing.
        await Expect(ulla.GetByRole(AriaRole.Button, new() { Name = "New appointment", Exact = true })).ToHaveCountAsync(0);
        var ullaUrl = await MarkPageAsync(ulla);

        var secretary = await OpenPageAsync("gp-secretary");
        await LogInAsync(secretary, "gp.secretary");
        await OpenCalendarAsync(secretary, jens);
        await secretary.GetByRole(AriaRole.Button, new() { Name = "New appointment", Exact = true }).ClickAsync();
        var dialog = secretary.GetByRole(AriaRole.Dialog, new() { Name = "New appointment" });
        await Expect(dialog.GetByLabel("Location")).ToBeVisibleAsync();
        await dialog.GetByLabel("Location").FillAsync("Lægerne Strandvejen, konsultation 2");
        await dialog.GetByLabel("Date").FillAsync(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await dialog.GetByLabel("Starts (Danish time)").FillAsync(start.ToString("HH:mm", CultureInfo.InvariantCulture));
        await dialog.GetByLabel("Ends (Danish time)").FillAsync(end.ToString("HH:mm", CultureInfo.InvariantCulture));
        await dialog.GetByLabel("Peter Larsen (Lægerne Strandvejen)").CheckAsync();
        await Expect(dialog.GetByLabel("Jens Jensen (Patient)")).ToBeCheckedAsync();
        await dialog.GetByLabel("Reason").FillAsync("Follow-up after discharge: COPD and medicines");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        // Another test may have booked the same minute: the conflict is shown first, then saved on purpose.
        var saveAnyway = dialog.GetByRole(AriaRole.Button, new() { Name = "Save anyway" });
        if (await saveAnyway.IsVisibleAsync())
            await saveAnyway.ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        var booked = Entry(secretary, when);
        await Expect(booked).ToBeVisibleAsync();

        // Ulla's calendar, open all along, shows it without reloading.
        var onUlla = Entry(ulla, when);
        await Expect(onUlla).ToBeVisibleAsync(Live);
        await Expect(onUlla).ToContainTextAsync("Follow-up");
        await Expect(onUlla).ToContainTextAsync("Lægerne Strandvejen");
        await AssertNotReloadedAsync(ulla, ullaUrl);
        await ScreenshotAsync(ulla, "calendar-booked-live-ulla");
    });

    [Fact]
    public Task The_home_nurse_sees_her_organisations_visits_in_her_own_calendar() => RunAsync(async () =>
    {
        var nurse = await OpenPageAsync("nurse-holm");
        await LogInAsync(nurse, "nurse.holm");
        await nurse.GetByRole(AriaRole.Link, new() { Name = "My calendar", Exact = true }).ClickAsync();
        await Expect(nurse.GetByRole(AriaRole.Heading, new() { Name = "My calendar" })).ToBeVisibleAsync();
        await WaitForBlazorAsync(nurse);
        await nurse.GetByTestId("staff-calendar-layout").GetByText("Week", new() { Exact = true }).ClickAsync();
        await Expect(nurse.GetByTestId("calendar-week")).ToBeVisibleAsync();

        // The demo's morning visits by the home care, on weekdays from tomorrow: next week has them whatever day today is.
        await nurse.GetByRole(AriaRole.Button, new() { Name = "Next", Exact = true }).ClickAsync();
        await Expect(nurse.GetByTestId("staff-calendar").GetByTestId("appointment-entry").Filter(new() { HasText = "Jens Jensen" }).First).ToBeVisibleAsync();
        await ScreenshotAsync(nurse, "staff-calendar-nurse");
    });

    private static ILocator Entry(IPage page, (string Day, string Time) when) =>
        page.GetByTestId("calendar-appointments").Locator($"[data-testid=appointment-entry][data-day=\"{when.Day}\"]").Filter(new() { HasText = when.Time });

    private static DateOnly TodayInCopenhagen() =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Copenhagen")).DateTime);

    private static async Task OpenCalendarAsync(IPage page, Guid patientId)
    {
        await page.GotoAsync($"patients/{patientId}/calendar");
        await Expect(page.GetByTestId("pathway-header").GetByTestId("patient-name")).ToHaveTextAsync("Jens Jensen");
        await WaitForBlazorAsync(page);
        await Expect(page.GetByRole(AriaRole.Tab, new() { Selected = true })).ToHaveTextAsync("Calendar");
        await Expect(page.GetByTestId("calendar-appointments")).ToBeVisibleAsync();
    }
}
