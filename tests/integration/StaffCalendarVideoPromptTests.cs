using Bunit;
using CareWorkspace.Domain.Common;
using CareWorkspace.Infrastructure.Realtime;
using CareWorkspace.IntegrationTests.Infrastructure;
using CareWorkspace.Web.Features.Calendar;
using CareWorkspace.Web.Features.Video;
using Microsoft.Extensions.DependencyInjection;

namespace CareWorkspace.IntegrationTests;

/// <summary>
/// The GP's own calendar (/calendar) shows "… started the video consultation with Jens Jensen — Join" live when the
/// hospital doctor starts a conference the GP takes part in; it listens to the calendars of the patients of the video
/// appointments it shows, and leaves no subscription behind.
/// </summary>
public abstract class StaffCalendarVideoPromptTests(CareAppFactory factory)
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_GP_calendar_shows_Join_live_when_the_hospital_doctor_starts_their_conference_and_keeps_nothing_once_closed()
    {
        var conference = await ConsultationTestData.BookConferenceAsync(factory, Ct);
        var gp = await factory.ActorAsync("gp.larsen", Ct);
        var doctor = await factory.ActorAsync("hospital.doctor", Ct);
        var clock = factory.Services.GetRequiredService<TimeProvider>();
        var today = CopenhagenTime.Today(clock);
        var calendar = await factory.CallAsync<StaffCalendarService, StaffCalendarView>(s => s.GetAsync(gp, today, today.AddDays(1), onlyMine: true, Ct));
        var shown = calendar.Appointments.Select(a => a.Appointment).ToList();
        var names = calendar.Appointments.ToDictionary(a => a.Appointment.Id, a => a.PatientName);
        var watchedPatients = CalendarVideoConsultations.ToWatch(shown, gp.UserId, clock.GetUtcNow()).Select(w => w.PatientId).Distinct().Count();
        Assert.Contains(CalendarVideoConsultations.ToWatch(shown, gp.UserId, clock.GetUtcNow()), w => w.AppointmentId == conference);
        var notifier = factory.Services.GetRequiredService<IPathwayNotifier>();
        var before = notifier.SubscriptionCount;

        await using (var page = new LivePageContext(factory, gp))
        {
            var prompt = page.Render<CalendarVideoJoinPrompt>(p => p
                .Add(c => c.Viewer, gp).Add(c => c.Appointments, shown).Add(c => c.PatientNames, names));
            await page.Database.AllEndedAsync(Ct);
            // One calendar subscription per patient of the video appointments shown, not one for everything the GP may see.
            Assert.Equal(before + watchedPatients, notifier.SubscriptionCount);
            Assert.Empty(Prompts(prompt, conference));

            await factory.CallAsync<VideoConsultationService>(s => s.StartAsync(doctor, conference, Ct));

            prompt.WaitForAssertion(() =>
            {
                var started = Assert.Single(Prompts(prompt, conference));
                Assert.Contains("Mette Hansen started the video consultation with Jens Jensen", started.TextContent, StringComparison.Ordinal);
            }, LivePageContext.Timeout);

            // The same calendar shown again (its own live re-load) neither reads nor subscribes again.
            var unitsOfWork = page.Database.Created;
            prompt.Render(p => p.Add(c => c.Appointments, shown.ToList()));
            Assert.Equal(unitsOfWork, page.Database.Created);
            Assert.Equal(before + watchedPatients, notifier.SubscriptionCount);
            await page.DisposeComponentsAsync();
        }

        Assert.Equal(before, notifier.SubscriptionCount);
    }

    private static IEnumerable<AngleSharp.Dom.IElement> Prompts(IRenderedComponent<CalendarVideoJoinPrompt> prompt, Guid conference) =>
        prompt.FindAll("[data-testid=video-started-prompt]")
            .Where(p => p.QuerySelector($"a[href=\"{VideoEndpoints.JoinPath(conference)}\"]") is not null);
}

public sealed class StaffCalendarVideoPromptTests_Sqlite(SqliteAppFactory factory) : StaffCalendarVideoPromptTests(factory), IClassFixture<SqliteAppFactory>;

public sealed class StaffCalendarVideoPromptTests_PostgreSql(PostgreSqlAppFactory factory) : StaffCalendarVideoPromptTests(factory), IClassFixture<PostgreSqlAppFactory>;
