using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Calendar;
using CareWorkspace.Domain.Common;
using CareWorkspace.Domain.Conferences;
using CareWorkspace.Domain.Pathway;
using CareWorkspace.IntegrationTests.Infrastructure;
using CareWorkspace.Web.Features.Conferences;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareWorkspace.IntegrationTests;

/// <summary>
/// The discharge conference's shared minutes on a real database: participants from three sectors save at the same
/// moment and every text survives; finishing locks them and puts the conference on the timeline.
/// </summary>
public abstract class ConferenceMinutesTests(CareAppFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<T> WithAsync<T>(Func<ConferenceService, Task<T>> work)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<ConferenceService>());
    }

    [Fact]
    public async Task Three_sectors_saving_at_the_same_moment_all_keep_their_text()
    {
        var conferenceId = await ConsultationTestData.BookConferenceAsync(factory, Ct);
        var writers = new[] { "hospital.doctor", "gp.larsen", "nurse.holm" };
        var actors = await Task.WhenAll(writers.Select(w => factory.ActorAsync(w, Ct)));

        // Several rounds, each writer starting from the version they last saw, all at once: racing saves meet the
        // aggregate's concurrency token and are re-applied, each on its own entry.
        var versions = new Guid?[actors.Length];
        for (var round = 1; round <= 3; round++)
        {
            var saves = actors.Select((actor, i) => WithAsync(s => s.WriteMinutesAsync(actor, conferenceId, $"{actor.DisplayName}, round {round}", versions[i], Ct))).ToList();
            var saved = await Task.WhenAll(saves);
            for (var i = 0; i < saved.Length; i++)
                versions[i] = saved[i];
        }

        var view = await WithAsync(s => s.GetAsync(actors[0], conferenceId, Ct));
        Assert.Equal(actors.Select(a => $"{a.DisplayName}, round 3").Order(), view.Minutes.Entries.Select(e => e.Text).Order());
        Assert.Contains(view.Minutes.Entries, e => e.Sector == Domain.Organisations.Sector.Municipality);
    }

    [Fact]
    public async Task The_demo_discharge_conference_behind_Jens_has_finished_minutes_from_three_sectors_on_the_timeline()
    {
        var jensId = await factory.JensIdAsync(Ct);
        var gp = await factory.ActorAsync("gp.larsen", Ct);
        Guid conferenceId;
        await using (var db = await factory.CreateDbContextAsync(Ct))
            conferenceId = await db.Appointments.AsNoTracking()
                .Where(a => a.PatientId == jensId && a.Type == AppointmentType.DischargeConference && a.Status == AppointmentStatus.Fulfilled)
                .Select(a => a.Id).SingleAsync(Ct);

        var view = await WithAsync(s => s.GetAsync(gp, conferenceId, Ct));

        Assert.True(view.Minutes.IsFinished);
        Assert.Equal(3, view.Minutes.Entries.Select(e => e.Sector).Distinct().Count());
        Assert.Contains(view.Minutes.Attendees, a => a.Name == "Ulla Jensen");
        await using var check = await factory.CreateDbContextAsync(Ct);
        Assert.True(await check.PathwayEvents.AnyAsync(e => e.PatientId == jensId && e.Kind == PathwayEventKind.DischargeConferenceHeld, Ct));
    }

    [Fact]
    public async Task My_own_stale_second_window_is_refused_with_the_stored_text()
    {
        var conferenceId = await ConsultationTestData.BookConferenceAsync(factory, Ct);
        var gp = await factory.ActorAsync("gp.larsen", Ct);
        var first = await WithAsync(s => s.WriteMinutesAsync(gp, conferenceId, "Window one", null, Ct));
        await WithAsync(s => s.WriteMinutesAsync(gp, conferenceId, "Window two", first, Ct));

        var ex = await Assert.ThrowsAsync<StaleEditException>(() => WithAsync(s => s.WriteMinutesAsync(gp, conferenceId, "Window one again", first, Ct)));

        Assert.Equal("Window two", ex.CurrentValues["Minutes"]);
    }

    [Fact]
    public async Task Finishing_locks_the_minutes_records_the_attendees_and_puts_them_on_the_timeline()
    {
        var conferenceId = await ConsultationTestData.BookConferenceAsync(factory, Ct);
        var jensId = await factory.JensIdAsync(Ct);
        var doctor = await factory.ActorAsync("hospital.doctor", Ct);
        var nurse = await factory.ActorAsync("nurse.holm", Ct);
        var version = await WithAsync(s => s.WriteMinutesAsync(doctor, conferenceId, "Discharge on Friday with oxygen.", null, Ct));
        await WithAsync(s => s.WriteMinutesAsync(nurse, conferenceId, "Home care twice daily from Friday.", null, Ct));

        await WithAsync(async s =>
        {
            await s.FinishAsync(nurse, conferenceId, [new ConferenceAttendee("Mette Hansen", "Lungemedicinsk afdeling"), new ConferenceAttendee("Anne Holm", null)], Ct);
            return 0;
        });

        var view = await WithAsync(s => s.GetAsync(doctor, conferenceId, Ct));
        Assert.True(view.Minutes.IsFinished);
        Assert.False(view.Minutes.CanWrite);
        Assert.Equal(["Mette Hansen", "Anne Holm"], view.Minutes.Attendees.Select(a => a.Name));
        var late = await Assert.ThrowsAsync<DomainException>(() => WithAsync(s => s.WriteMinutesAsync(doctor, conferenceId, "Late change", version, Ct)));
        Assert.Equal("The minutes were finished by {0} at {1} and can no longer be changed.", late.Template);

        await using var db = await factory.CreateDbContextAsync(Ct);
        var held = await db.PathwayEvents.AsNoTracking()
            .Where(e => e.PatientId == jensId && e.Kind == PathwayEventKind.DischargeConferenceHeld).ToListAsync(Ct);
        var entry = Assert.Single(held, e => e.Parameters[PathwayEventParameters.Minutes].Contains("Home care twice daily from Friday.", StringComparison.Ordinal));
        Assert.Contains("Mette Hansen: Discharge on Friday with oxygen.", entry.Parameters[PathwayEventParameters.Minutes], StringComparison.Ordinal);
        Assert.Equal("Mette Hansen, Anne Holm", entry.Parameters[PathwayEventParameters.Attendees]);
        Assert.Equal(nurse.DisplayName, entry.Parameters[PathwayEventParameters.By]);
    }

    [Fact]
    public async Task Someone_on_the_care_team_who_was_not_invited_may_read_but_not_write()
    {
        var conferenceId = await ConsultationTestData.BookConferenceAsync(factory, Ct);
        var coordinator = await factory.ActorAsync("coordinator.dahl", Ct);

        var view = await WithAsync(s => s.GetAsync(coordinator, conferenceId, Ct));
        var ex = await Assert.ThrowsAsync<DomainException>(() => WithAsync(s => s.WriteMinutesAsync(coordinator, conferenceId, "Not mine to write", null, Ct)));

        Assert.False(view.Minutes.CanWrite);
        Assert.Equal("Only the health professionals at the conference write its minutes.", ex.Template);
    }

    [Fact]
    public async Task A_nurse_outside_the_care_team_is_refused_and_an_ordinary_appointment_is_no_conference()
    {
        var conferenceId = await ConsultationTestData.BookConferenceAsync(factory, Ct);
        var checkUp = await ConsultationTestData.BookVideoAsync(factory, Ct);
        var outsider = await factory.ActorAsync("nurse.roskilde", Ct);
        var gp = await factory.ActorAsync("gp.larsen", Ct);

        await Assert.ThrowsAsync<PatientAccessDeniedException>(() => WithAsync(s => s.GetAsync(outsider, conferenceId, Ct)));
        var ex = await Assert.ThrowsAsync<DomainException>(() => WithAsync(s => s.GetAsync(gp, checkUp, Ct)));
        Assert.Equal("This appointment is not a discharge conference.", ex.Template);
        await Assert.ThrowsAsync<DomainException>(() => WithAsync(s => s.GetAsync(gp, Guid.NewGuid(), Ct)));
    }
}

public sealed class ConferenceMinutesTests_Sqlite(SqliteAppFactory factory) : ConferenceMinutesTests(factory), IClassFixture<SqliteAppFactory>;

public sealed class ConferenceMinutesTests_PostgreSql(PostgreSqlAppFactory factory) : ConferenceMinutesTests(factory), IClassFixture<PostgreSqlAppFactory>;
