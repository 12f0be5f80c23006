using CareWorkspace.Domain.Calendar;
using CareWorkspace.Domain.Common;
using CareWorkspace.Infrastructure.Persistence;
using CareWorkspace.Web.Features.Video;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CareWorkspace.E2ETests;

/// <summary>
/// The discharge conference in real browsers: the host starts the video consultation and the others see the Join
/// prompt without reloading; two participants write the minutes at the same moment and both texts survive.
/// </summary>
public sealed class VideoConferenceTests(AppFixture app) : BrowserTest(app)
{
    /// <summary>A change by one user must reach the others' open pages within this, without a reload.</summary>
    private static readonly LocatorAssertionsToBeVisibleOptions Live = new() { Timeout = 5_000 };

    private static readonly LocatorAssertionsToContainTextOptions LiveText = new() { Timeout = 5_000 };

    [Fact]
    public Task The_host_starts_the_video_consultation_and_the_others_see_Join_live() => RunAsync(async () =>
    {
        var jensId = await JensIdAsync();
        var conference = await BookConferenceAsync();
        var doctor = await OpenConferenceAsync("hospital.doctor", conference);
        var gp = await OpenConferenceAsync("gp.larsen", conference);
        var jens = await OpenPageAsync("jens");
        await LogInAsync(jens, "jens");
        await jens.GotoAsync($"patients/{jensId}");
        await Expect(jens.GetByTestId("pathway-header")).ToBeVisibleAsync();
        // The home-care nurse takes part too, from her own calendar.
        var nurseCalendar = await OpenPageAsync("nurse.holm");
        await LogInAsync(nurseCalendar, "nurse.holm");
        await nurseCalendar.GotoAsync("calendar");
        await Expect(nurseCalendar.GetByTestId("staff-calendar")).ToBeVisibleAsync();
        // Only this conference's prompt counts: other tests' consultations of Jens may still be open.
        ILocator PromptFor(IPage page) => page.GetByTestId("video-started-prompt")
            .Filter(new() { Has = page.Locator($"a[href=\"{VideoEndpoints.JoinPath(conference)}\"]") });
        await Expect(PromptFor(jens)).ToHaveCountAsync(0);
        await Expect(PromptFor(gp)).ToHaveCountAsync(0);
        await Expect(PromptFor(nurseCalendar)).ToHaveCountAsync(0);

        await doctor.GetByRole(AriaRole.Button, new() { Name = "Start video consultation" }).ClickAsync();

        // The GP on the conference page and Jens on his pathway: "Mette Hansen started the video consultation — Join".
        foreach (var other in new[] { gp, jens })
        {
            var prompt = PromptFor(other);
            await Expect(prompt).ToBeVisibleAsync(Live);
            await Expect(prompt).ToContainTextAsync("Mette Hansen started the video consultation");
            var join = prompt.GetByRole(AriaRole.Link, new() { Name = "Join" });
            await Expect(join).ToHaveAttributeAsync("href", VideoEndpoints.JoinPath(conference));
            await Expect(join).ToHaveAttributeAsync("target", "_blank");
        }
        // On her calendar, across patients, the prompt says whose consultation it is.
        await Expect(PromptFor(nurseCalendar)).ToContainTextAsync("Mette Hansen started the video consultation with Jens Jensen", LiveText);
        await Expect(PromptFor(nurseCalendar).GetByRole(AriaRole.Link, new() { Name = "Join" })).ToHaveAttributeAsync("href", VideoEndpoints.JoinPath(conference));
        // The host who started it gets no prompt, and sees that it has started.
        await Expect(doctor.GetByTestId("video-started")).ToContainTextAsync("Mette Hansen started the video consultation");
        await Expect(PromptFor(doctor)).ToHaveCountAsync(0);
        await Expect(doctor.GetByRole(AriaRole.Button, new() { Name = "Start video consultation" })).ToHaveCountAsync(0);
    });

    [Fact]
    public Task Two_participants_write_the_minutes_at_the_same_time_and_both_texts_survive() => RunAsync(async () =>
    {
        var conference = await BookConferenceAsync();
        var doctor = await OpenConferenceAsync("hospital.doctor", conference);
        var nurse = await OpenConferenceAsync("nurse.holm", conference);
        const string DoctorText = "Discharge on Friday; oxygen 2 L/min at rest.";
        const string NurseText = "Home care twice daily from Friday; nurse visit Saturday.";

        await doctor.GetByLabel("Your part of the minutes").FillAsync(DoctorText);
        await nurse.GetByLabel("Your part of the minutes").FillAsync(NurseText);
        // Both press Save at once.
        await Task.WhenAll(
            doctor.GetByRole(AriaRole.Button, new() { Name = "Save my part" }).ClickAsync(),
            nurse.GetByRole(AriaRole.Button, new() { Name = "Save my part" }).ClickAsync());

        // Each sees the other's text arrive, and keeps their own.
        await Expect(doctor.GetByTestId("minutes-entry").Filter(new() { HasText = NurseText })).ToBeVisibleAsync(Live);
        await Expect(nurse.GetByTestId("minutes-entry").Filter(new() { HasText = DoctorText })).ToBeVisibleAsync(Live);
        await Expect(doctor.GetByLabel("Your part of the minutes")).ToHaveValueAsync(DoctorText);
        await Expect(nurse.GetByLabel("Your part of the minutes")).ToHaveValueAsync(NurseText);
        await Expect(doctor.GetByTestId("minutes-saved")).ToBeVisibleAsync();
        await Expect(nurse.GetByTestId("minutes-saved")).ToBeVisibleAsync();

        // And the database holds both.
        var dbFactory = App.Services.GetRequiredService<IDbContextFactory<CareDbContext>>();
        await using var db = await dbFactory.CreateDbContextAsync(TestContext.Current.CancellationToken);
        var minutes = await db.ConferenceMinutes.AsNoTracking().SingleAsync(m => m.Id == conference, TestContext.Current.CancellationToken);
        Assert.Equal([DoctorText, NurseText], minutes.Entries.Select(e => e.Text).Order(StringComparer.Ordinal));
    });

    [Fact]
    public Task Jens_makes_a_calendar_subscription_a_calendar_program_reads_it_and_it_stops_when_he_stops_it() => RunAsync(async () =>
    {
        var page = await OpenPageAsync("jens");
        await LogInAsync(page, "jens");
        await page.GetByRole(AriaRole.Link, new() { Name = "Calendar subscriptions" }).ClickAsync();
        await Expect(page.GetByTestId("calendar-feeds")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Make a calendar subscription" }).ClickAsync();
        var address = (await page.GetByTestId("calendar-feed-address").TextContentAsync())!.Trim();
        Assert.StartsWith(App.BaseAddress.AbsoluteUri + "calendar/feed/", address, StringComparison.Ordinal);

        // A calendar program: no cookie, just the address.
        using var calendarProgram = new HttpClient();
        using (var feed = await calendarProgram.GetAsync(address, TestContext.Current.CancellationToken))
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, feed.StatusCode);
            var text = await feed.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            Assert.Contains("BEGIN:VCALENDAR", text, StringComparison.Ordinal);
            Assert.Contains("BEGIN:VTIMEZONE", text, StringComparison.Ordinal);
        }

        // Newest first: the one just made.
        await page.GetByRole(AriaRole.Button, new() { Name = "Stop this subscription" }).First.ClickAsync();
        await Expect(page.GetByTestId("calendar-feed-created")).ToHaveCountAsync(0);
        using var stopped = await calendarProgram.GetAsync(address, TestContext.Current.CancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, stopped.StatusCode);
    });

    private async Task<IPage> OpenConferenceAsync(string userName, Guid conference)
    {
        var page = await OpenPageAsync(userName);
        await LogInAsync(page, userName);
        await page.GotoAsync($"conferences/{conference}");
        await Expect(page.GetByTestId("conference-title")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("conference-minutes")).ToBeVisibleAsync();
        return page;
    }

    /// <summary>A discharge conference by video starting in five minutes (inside the Join window): the hospital doctor, the GP, the home-care nurse and Jens.</summary>
    internal static async Task<Guid> BookConferenceAsync(IServiceProvider services, Guid jensId)
    {
        var ct = TestContext.Current.CancellationToken;
        var dbFactory = services.GetRequiredService<IDbContextFactory<CareDbContext>>();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        string[] names = ["hospital.doctor", "gp.larsen", "nurse.holm", "jens"];
        var users = await db.Users.AsNoTracking().Where(u => names.Contains(u.UserName!)).ToDictionaryAsync(u => u.UserName!, ct);
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var start = now.AddMinutes(5);
        var participants = names.Take(3).Select(n => new AppointmentParticipant(ParticipantKind.Practitioner, users[n].Id, users[n].DisplayName))
            .Append(new AppointmentParticipant(ParticipantKind.Patient, users["jens"].Id, users["jens"].DisplayName))
            .ToList();
        var conference = Appointment.Book(jensId, users["hospital.doctor"].OrganisationId!.Value,
            new AppointmentDetails(AppointmentType.DischargeConference, AppointmentMode.Video, reason: "E2E discharge conference"),
            new AppointmentTime(start, start.AddHours(1)), participants, new ChangeStamp("E2E booking", now));
        db.Appointments.Add(conference);
        await db.SaveChangesAsync(ct);
        return conference.Id;
    }

    private async Task<Guid> BookConferenceAsync() => await BookConferenceAsync(App.Services, await JensIdAsync());
}
