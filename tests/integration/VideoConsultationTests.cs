using System.Net;
using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Common;
using CareWorkspace.Infrastructure.Realtime;
using CareWorkspace.IntegrationTests.Infrastructure;
using CareWorkspace.Web.Features.Video;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareWorkspace.IntegrationTests;

/// <summary>Video consultations: participants only, in the window; the host's start reaches the others live.</summary>
public abstract class VideoConsultationTests(CareAppFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<T> WithAsync<T>(Func<VideoConsultationService, Task<T>> work)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<VideoConsultationService>());
    }

    [Fact]
    public async Task Host_and_patient_get_their_own_links_to_one_room_on_the_configured_server()
    {
        var appointmentId = await ConsultationTestData.BookVideoAsync(factory, Ct);
        var gp = await factory.ActorAsync("gp.larsen", Ct);
        var jens = await factory.ActorAsync("jens", Ct);

        var host = await WithAsync(s => s.JoinAsync(gp, appointmentId, Ct));
        var guest = await WithAsync(s => s.JoinAsync(jens, appointmentId, Ct));

        Assert.NotEqual(host.AbsoluteUri, guest.AbsoluteUri);
        Assert.Equal(host.GetLeftPart(UriPartial.Path), guest.GetLeftPart(UriPartial.Path));
        Assert.StartsWith("https://meet.jit.si/care-", host.AbsoluteUri, StringComparison.Ordinal);
        await using var db = await factory.CreateDbContextAsync(Ct);
        var meeting = (await db.Appointments.AsNoTracking().SingleAsync(a => a.Id == appointmentId, Ct)).VideoMeeting!;
        Assert.Equal(host.AbsoluteUri, meeting.HostUrl);
        Assert.Equal(guest.AbsoluteUri, meeting.GuestUrl);
    }

    [Fact]
    public async Task A_care_team_doctor_who_does_not_take_part_is_refused_and_it_is_logged()
    {
        var appointmentId = await ConsultationTestData.BookVideoAsync(factory, Ct);
        var jensId = await factory.JensIdAsync(Ct);
        var doctor = await factory.ActorAsync("hospital.doctor", Ct);

        var ex = await Assert.ThrowsAsync<DomainException>(() => WithAsync(s => s.JoinAsync(doctor, appointmentId, Ct)));

        Assert.Equal("Only the participants of this appointment can join its video consultation.", ex.Template);
        Assert.Equal(ex.Message, await AccessTestData.LatestRefusalAsync(factory, doctor.UserId, jensId, Ct));
    }

    [Fact]
    public async Task Joining_two_hours_early_is_refused_with_the_opening_time()
    {
        var appointmentId = await ConsultationTestData.BookVideoAsync(factory, Ct, startsIn: TimeSpan.FromHours(2));
        var jens = await factory.ActorAsync("jens", Ct);

        var ex = await Assert.ThrowsAsync<DomainException>(() => WithAsync(s => s.JoinAsync(jens, appointmentId, Ct)));

        Assert.Equal("The video consultation opens 10 minutes before it starts, at {0}.", ex.Template);
        var view = await WithAsync(s => s.GetAsync(jens, appointmentId, Ct));
        Assert.False(view.CanJoin);
        Assert.True(view.IsParticipant);
    }

    [Fact]
    public async Task The_host_starts_and_the_patient_hears_it_live_and_sees_who_started()
    {
        var appointmentId = await ConsultationTestData.BookVideoAsync(factory, Ct);
        var jensId = await factory.JensIdAsync(Ct);
        var gp = await factory.ActorAsync("gp.larsen", Ct);
        var jens = await factory.ActorAsync("jens", Ct);
        // The signal arrives on the notifier's thread: what Jens' open screen reads when it does.
        var ct = Ct;
        using var probe = new ChangeProbe<VideoConsultationView>(factory.Services.GetRequiredService<IPathwayNotifier>(), jensId, PatientSection.Calendar,
            async _ => (await WithAsync(s => s.ListOpenAsync(jens, jensId, ct))).Single(v => v.AppointmentId == appointmentId));

        await WithAsync(async s => { await s.StartAsync(gp, appointmentId, Ct); return 0; });

        var (change, seenByJens) = await probe.ArrivalAsync(appointmentId, Ct);
        Assert.Equal(gp.UserId, change.ByUserId);
        Assert.True(seenByJens.HasStarted);
        Assert.Equal(gp.DisplayName, seenByJens.StartedByName);
        Assert.True(seenByJens.CanJoin);
        Assert.False(seenByJens.IsHost);
    }

    [Fact]
    public async Task The_patient_cannot_start_it()
    {
        var appointmentId = await ConsultationTestData.BookVideoAsync(factory, Ct);
        var jens = await factory.ActorAsync("jens", Ct);

        await Assert.ThrowsAsync<PatientAccessDeniedException>(() => WithAsync(async s => { await s.StartAsync(jens, appointmentId, Ct); return 0; }));

        Assert.False((await WithAsync(s => s.GetAsync(jens, appointmentId, Ct))).HasStarted);
    }

    [Fact]
    public async Task The_join_link_redirects_a_participant_and_explains_a_refusal_to_anyone_else()
    {
        var appointmentId = await ConsultationTestData.BookVideoAsync(factory, Ct);
        var (jensClient, _) = await HttpSignIn.SignInAsync(factory, "jens", Ct);
        var (doctorClient, _) = await HttpSignIn.SignInAsync(factory, "hospital.doctor", Ct);
        using (jensClient)
        using (doctorClient)
        {
            using var joined = await jensClient.GetAsync(VideoEndpoints.JoinPath(appointmentId), Ct);
            using var refused = await doctorClient.GetAsync(VideoEndpoints.JoinPath(appointmentId), Ct);

            Assert.Equal(HttpStatusCode.Redirect, joined.StatusCode);
            Assert.StartsWith("https://meet.jit.si/care-", joined.Headers.Location!.AbsoluteUri, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            var page = await refused.Content.ReadAsStringAsync(Ct);
            Assert.Contains("Only the participants of this appointment can join its video consultation.", page, StringComparison.Ordinal);
            Assert.DoesNotContain("meet.jit.si", page, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_relative_with_calendar_consent_is_invited_and_joins_as_a_guest()
    {
        var appointmentId = await ConsultationTestData.BookVideoAsync(factory, Ct);
        var jensId = await factory.JensIdAsync(Ct);
        var gp = await factory.ActorAsync("gp.larsen", Ct);
        var jens = await factory.ActorAsync("jens", Ct);
        var (relative, _, _) = await AccessTestData.NewRelativeAsync(factory, jensId, Ct);
        await using (var scope = factory.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<CareWorkspace.Web.Features.Consents.ConsentService>().GrantAsync(jens, jensId,
                new CareWorkspace.Web.Features.Consents.ConsentInput(relative.UserId, [PatientSection.Calendar], null, "Test"), Ct);
        await Assert.ThrowsAsync<DomainException>(() => WithAsync(s => s.JoinAsync(relative, appointmentId, Ct)));

        await WithAsync(async s => { await s.InviteRelativeAsync(gp, appointmentId, relative.UserId, Ct); return 0; });

        var guest = await WithAsync(s => s.JoinAsync(relative, appointmentId, Ct));
        var patientLink = await WithAsync(s => s.JoinAsync(jens, appointmentId, Ct));
        Assert.Equal(patientLink.AbsoluteUri, guest.AbsoluteUri);
    }
}

public sealed class VideoConsultationTests_Sqlite(SqliteAppFactory factory) : VideoConsultationTests(factory), IClassFixture<SqliteAppFactory>;

public sealed class VideoConsultationTests_PostgreSql(PostgreSqlAppFactory factory) : VideoConsultationTests(factory), IClassFixture<PostgreSqlAppFactory>;
