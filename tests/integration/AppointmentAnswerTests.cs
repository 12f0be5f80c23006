using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Calendar;
using CareWorkspace.Domain.Common;
using CareWorkspace.Infrastructure.Realtime;
using CareWorkspace.IntegrationTests.Infrastructure;
using CareWorkspace.Web.Features.Calendar;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareWorkspace.IntegrationTests;

/// <summary>A participant accepts or declines an appointment through the guard; others see it live; nobody answers for someone else.</summary>
public abstract class AppointmentAnswerTests(CareAppFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(Guid JensId, Guid AppointmentId, DateOnly Day)> BookWithJensAsync()
    {
        var jensId = await factory.JensIdAsync(Ct);
        var secretary = await factory.ActorAsync("gp.secretary", Ct);
        var gp = await factory.ActorAsync("gp.larsen", Ct);
        var jens = await factory.ActorAsync("jens", Ct);
        var input = CalendarTestData.FollowUp(secretary) with
        {
            Participants = [new ParticipantInput(ParticipantKind.Practitioner, gp.UserId, ""), new ParticipantInput(ParticipantKind.Patient, jens.UserId, "")],
        };
        var id = await factory.CallAsync<AppointmentService, Guid>(s => s.BookAsync(secretary, jensId, input, Ct));
        return (jensId, id, input.Day);
    }

    [Fact]
    public async Task The_patient_declines_and_the_GP_accepts_each_only_their_own_place_signalled_and_logged()
    {
        var (jensId, id, day) = await BookWithJensAsync();
        var jens = await factory.ActorAsync("jens", Ct);
        var gp = await factory.ActorAsync("gp.larsen", Ct);
        using var probe = new ChangeProbe<int>(factory.Services.GetRequiredService<IPathwayNotifier>(), jensId, PatientSection.Calendar,
            _ => Task.FromResult(0), c => c.ByUserId == jens.UserId ? c.ItemId?.ToString() : null);

        await factory.CallAsync<AppointmentService>(s => s.RespondAsync(jens, jensId, id, ParticipationStatus.Declined, Ct));
        var (change, _) = await probe.ArrivalAsync(id, Ct);
        await factory.CallAsync<AppointmentService>(s => s.RespondAsync(gp, jensId, id, ParticipationStatus.Accepted, Ct));

        Assert.Contains(AudienceKey.ForOrganisation(gp.OrganisationId!.Value), change.SeenBy!);
        var seen = (await factory.CallAsync<AppointmentService, CalendarView>(s => s.GetAsync(gp, jensId, day, day, Ct))).Appointments.Single(a => a.Id == id);
        Assert.Equal(ParticipationStatus.Declined, seen.Participants.Single(p => p.Kind == ParticipantKind.Patient).Status);
        Assert.Equal(ParticipationStatus.Accepted, seen.Participants.Single(p => p.UserId == gp.UserId).Status);
        Assert.Equal(AppointmentStatus.Booked, seen.Status);
        await using var db = await factory.CreateDbContextAsync(Ct);
        Assert.True(await db.AccessRecords.AsNoTracking().AnyAsync(r => r.UserId == jens.UserId && r.PatientId == jensId && r.Allowed
            && r.Section == PatientSection.Calendar && r.What == "Answered appointment", Ct));
    }

    [Fact]
    public async Task A_care_team_member_who_does_not_take_part_cannot_answer_and_the_refusal_is_logged()
    {
        var (jensId, id, day) = await BookWithJensAsync();
        var nurse = await factory.ActorAsync("nurse.holm", Ct);

        var refused = await Assert.ThrowsAsync<DomainException>(() =>
            factory.CallAsync<AppointmentService>(s => s.RespondAsync(nurse, jensId, id, ParticipationStatus.Accepted, Ct)));

        Assert.Equal("Only a participant can accept or decline the appointment.", refused.Template);
        Assert.Equal("Only a participant can accept or decline the appointment.", await AccessTestData.LatestRefusalAsync(factory, nurse.UserId, jensId, Ct));
        var seen = (await factory.CallAsync<AppointmentService, CalendarView>(s => s.GetAsync(nurse, jensId, day, day, Ct))).Appointments.Single(a => a.Id == id);
        Assert.All(seen.Participants, p => Assert.Equal(ParticipationStatus.NeedsAction, p.Status));
    }

    [Fact]
    public async Task A_relative_without_calendar_consent_is_refused_by_the_guard()
    {
        var (jensId, id, _) = await BookWithJensAsync();
        var (relative, _, _) = await AccessTestData.NewRelativeAsync(factory, jensId, Ct);

        await Assert.ThrowsAsync<PatientAccessDeniedException>(() =>
            factory.CallAsync<AppointmentService>(s => s.RespondAsync(relative, jensId, id, ParticipationStatus.Accepted, Ct)));

        Assert.Equal(1, await AccessTestData.CountRecordsAsync(factory, relative.UserId, jensId, allowed: false, PatientSection.Calendar, Ct));
    }
}

public sealed class AppointmentAnswerTests_Sqlite(SqliteAppFactory factory) : AppointmentAnswerTests(factory), IClassFixture<SqliteAppFactory>;

public sealed class AppointmentAnswerTests_PostgreSql(PostgreSqlAppFactory factory) : AppointmentAnswerTests(factory), IClassFixture<PostgreSqlAppFactory>;
