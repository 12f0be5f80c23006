using System.Net;
using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.CalendarFeeds;
using CareWorkspace.Domain.Common;
using CareWorkspace.Infrastructure.CalendarFeeds;
using CareWorkspace.IntegrationTests.Infrastructure;
using CareWorkspace.Web.Features.CalendarFeeds;
using CareWorkspace.Web.Features.Consents;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using IcsCalendar = Ical.Net.Calendar;

namespace CareWorkspace.IntegrationTests;

/// <summary>
/// The calendar as iCalendar: a signed-in download authorised and logged like any read, and private subscription feeds
/// that carry only what their owner may see and answer a revoked or made-up token with the same 404.
/// </summary>
public abstract class CalendarFeedTests(CareAppFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<T> WithAsync<T>(Func<CalendarFeedService, Task<T>> work)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<CalendarFeedService>());
    }

    private static string TokenOf(NewCalendarFeed feed) => feed.Address[(feed.Address.LastIndexOf('/') + 1)..^".ics".Length];

    private static string PathOf(NewCalendarFeed feed) => new Uri(feed.Address).AbsolutePath;

    [Fact]
    public async Task The_GP_downloads_a_valid_ics_with_the_appointment_and_the_read_is_logged()
    {
        var appointmentId = await ConsultationTestData.BookVideoAsync(factory, Ct);
        var jensId = await factory.JensIdAsync(Ct);
        var gp = await factory.ActorAsync("gp.larsen", Ct);
        var before = await AccessTestData.CountRecordsAsync(factory, gp.UserId, jensId, allowed: true, PatientSection.Calendar, Ct);
        var (client, _) = await HttpSignIn.SignInAsync(factory, "gp.larsen", Ct);
        using (client)
        {
            using var response = await client.GetAsync(CalendarFeedEndpoints.DownloadPath(jensId), Ct);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
            var calendar = IcsCalendar.Load(await response.Content.ReadAsStringAsync(Ct))!;
            var booked = Assert.Single(calendar.Events, e => e.Uid == ICalendarWriter.UidOf(appointmentId));
            Assert.NotNull(booked.DtStamp);
            Assert.Contains(calendar.TimeZones, z => z.TzId == ICalendarWriter.TimeZoneId);
        }
        Assert.Equal(before + 1, await AccessTestData.CountRecordsAsync(factory, gp.UserId, jensId, allowed: true, PatientSection.Calendar, Ct));
    }

    [Fact]
    public async Task A_nurse_without_a_care_relationship_gets_403_and_the_refusal_is_logged()
    {
        var jensId = await factory.JensIdAsync(Ct);
        var nurse = await factory.ActorAsync("nurse.roskilde", Ct);
        var before = await AccessTestData.CountRecordsAsync(factory, nurse.UserId, jensId, allowed: false, PatientSection.Calendar, Ct);
        var (client, _) = await HttpSignIn.SignInAsync(factory, "nurse.roskilde", Ct);
        using (client)
        {
            using var response = await client.GetAsync(CalendarFeedEndpoints.DownloadPath(jensId), Ct);

            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.DoesNotContain("BEGIN:VEVENT", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }
        Assert.Equal(before + 1, await AccessTestData.CountRecordsAsync(factory, nurse.UserId, jensId, allowed: false, PatientSection.Calendar, Ct));
    }

    [Fact]
    public async Task Jens_subscribes_the_feed_works_without_a_cookie_is_logged_as_his_read_and_stops_when_revoked()
    {
        var appointmentId = await ConsultationTestData.BookVideoAsync(factory, Ct);
        var jensId = await factory.JensIdAsync(Ct);
        var jens = await factory.ActorAsync("jens", Ct);
        var feed = await WithAsync(s => s.CreateAsync(jens, jensId, new Uri("https://care.example/"), Ct));
        Assert.StartsWith("https://care.example/calendar/feed/", feed.Address, StringComparison.Ordinal);
        Assert.True(CalendarFeedSubscription.IsWellFormed(TokenOf(feed)));

        await using (var db = await factory.CreateDbContextAsync(Ct))
        {
            var stored = await db.CalendarFeedSubscriptions.AsNoTracking().SingleAsync(s => s.Id == feed.Id, Ct);
            Assert.Equal(CalendarFeedSubscription.HashOf(TokenOf(feed)), stored.TokenHash);
            Assert.DoesNotContain(TokenOf(feed), stored.TokenHash, StringComparison.Ordinal);
        }

        using var anonymous = HttpSignIn.NewClient(factory);
        var before = await AccessTestData.CountRecordsAsync(factory, jens.UserId, jensId, allowed: true, PatientSection.Calendar, Ct);
        using (var response = await anonymous.GetAsync(PathOf(feed), Ct))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var calendar = IcsCalendar.Load(await response.Content.ReadAsStringAsync(Ct))!;
            Assert.Contains(calendar.Events, e => e.Uid == ICalendarWriter.UidOf(appointmentId));
        }
        Assert.Equal(before + 1, await AccessTestData.CountRecordsAsync(factory, jens.UserId, jensId, allowed: true, PatientSection.Calendar, Ct));
        Assert.Contains(await WithAsync(s => s.ListMineAsync(jens, jensId, Ct)), s => s.Id == feed.Id);

        await WithAsync(async s => { await s.RevokeAsync(jens, jensId, feed.Id, Ct); return 0; });

        using var revoked = await anonymous.GetAsync(PathOf(feed), Ct);
        using var madeUp = await anonymous.GetAsync($"/calendar/feed/{new string('A', 43)}.ics", Ct);
        using var malformed = await anonymous.GetAsync("/calendar/feed/not-a-token.ics", Ct);
        Assert.Equal(HttpStatusCode.NotFound, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, madeUp.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, malformed.StatusCode);
        // The same answer either way: nothing tells a guesser which tokens ever existed.
        Assert.Equal(await madeUp.Content.ReadAsStringAsync(Ct), await revoked.Content.ReadAsStringAsync(Ct));
        Assert.DoesNotContain(await WithAsync(s => s.ListMineAsync(jens, jensId, Ct)), s => s.Id == feed.Id);
    }

    [Fact]
    public async Task A_relatives_feed_follows_her_consent_and_closes_when_it_is_withdrawn()
    {
        var jensId = await factory.JensIdAsync(Ct);
        var jens = await factory.ActorAsync("jens", Ct);
        var (relative, _, _) = await AccessTestData.NewRelativeAsync(factory, jensId, Ct);
        await using var scope = factory.Services.CreateAsyncScope();
        var consents = scope.ServiceProvider.GetRequiredService<ConsentService>();
        var withoutCalendar = await consents.GrantAsync(jens, jensId, new ConsentInput(relative.UserId, [PatientSection.MasterData], null, "Test"), Ct);

        // Without the calendar in her consent she cannot even make a subscription.
        await Assert.ThrowsAsync<PatientAccessDeniedException>(() => WithAsync(s => s.CreateAsync(relative, jensId, new Uri("https://care.example/"), Ct)));

        await consents.WithdrawAsync(jens, jensId, withoutCalendar, "Test", Ct);
        var consentId = await consents.GrantAsync(jens, jensId, new ConsentInput(relative.UserId, [PatientSection.MasterData, PatientSection.Calendar], null, "Test"), Ct);
        var feed = await WithAsync(s => s.CreateAsync(relative, jensId, new Uri("https://care.example/"), Ct));
        using var anonymous = HttpSignIn.NewClient(factory);
        using (var open = await anonymous.GetAsync(PathOf(feed), Ct))
            Assert.Equal(HttpStatusCode.OK, open.StatusCode);

        await consents.WithdrawAsync(jens, jensId, consentId, "Test", Ct);
        var refusalsBefore = await AccessTestData.CountRecordsAsync(factory, relative.UserId, jensId, allowed: false, PatientSection.Calendar, Ct);

        using var closed = await anonymous.GetAsync(PathOf(feed), Ct);
        Assert.Equal(HttpStatusCode.NotFound, closed.StatusCode);
        // The refused read is in the access log under her name, like any other.
        Assert.Equal(refusalsBefore + 1, await AccessTestData.CountRecordsAsync(factory, relative.UserId, jensId, allowed: false, PatientSection.Calendar, Ct));
    }

    [Fact]
    public async Task Staff_cannot_make_a_subscription_and_nobody_revokes_anothers()
    {
        var jensId = await factory.JensIdAsync(Ct);
        var gp = await factory.ActorAsync("gp.larsen", Ct);
        var jens = await factory.ActorAsync("jens", Ct);

        var refused = await Assert.ThrowsAsync<DomainException>(() => WithAsync(s => s.CreateAsync(gp, jensId, new Uri("https://care.example/"), Ct)));
        Assert.Contains("for the patient and relatives", refused.Message, StringComparison.Ordinal);

        var feed = await WithAsync(s => s.CreateAsync(jens, jensId, new Uri("https://care.example/"), Ct));
        await Assert.ThrowsAsync<DomainException>(() => WithAsync(async s => { await s.RevokeAsync(gp, jensId, feed.Id, Ct); return 0; }));
        using var anonymous = HttpSignIn.NewClient(factory);
        using var stillOpen = await anonymous.GetAsync(PathOf(feed), Ct);
        Assert.Equal(HttpStatusCode.OK, stillOpen.StatusCode);
    }
}

public sealed class CalendarFeedTests_Sqlite(SqliteAppFactory factory) : CalendarFeedTests(factory), IClassFixture<SqliteAppFactory>;

public sealed class CalendarFeedTests_PostgreSql(PostgreSqlAppFactory factory) : CalendarFeedTests(factory), IClassFixture<PostgreSqlAppFactory>;
