using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Blocks;
using CareWorkspace.Domain.Notifications;
using CareWorkspace.Infrastructure.Sharing;
using CareWorkspace.IntegrationTests.AccessLog;
using CareWorkspace.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareWorkspace.IntegrationTests.Sharing;

/// <summary>Issue 14: after an emergency access ends, the patient is told once what was looked at under it.</summary>
public abstract class EmergencyAccessSummaryJobTests(CareAppFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_ended_emergency_access_is_summarised_once_for_the_patient_and_a_rerun_sends_nothing_more()
    {
        var (jensId, jens, emergency) = await EndedEmergencyAccessAsync();

        await RunAsync();

        var told = await SummariesAsync(jens.UserId, emergency.Reason);
        var summary = Assert.Single(told);
        Assert.Equal(jensId, summary.PatientId);
        Assert.Equal(emergency.ClinicianName, summary.Values[NotificationMessage.By]);
        Assert.Equal("Timeline=2;Calendar=1", summary.Values[NotificationMessage.Accessed]);
        Assert.StartsWith($"my/access-log?patient={jensId}&emergency=true", summary.Link, StringComparison.Ordinal);
        await using (var db = await factory.CreateDbContextAsync(Ct))
        {
            Assert.NotNull((await db.EmergencyAccesses.AsNoTracking().SingleAsync(e => e.Id == emergency.Id, Ct)).SummarisedAt);
            // Read as the system actor through the guard: the patient's access log shows the job read it.
            Assert.True(await db.AccessRecords.AnyAsync(r => r.PatientId == jensId && r.UserId == SystemActor.EmergencyAccessSummaries.UserId
                && r.Section == PatientSection.AccessLog && r.Allowed, Ct));
        }

        await RunAsync();

        Assert.Single(await SummariesAsync(jens.UserId, emergency.Reason));
    }

    [Fact]
    public async Task Two_concurrent_runs_send_one_summary()
    {
        var (_, jens, emergency) = await EndedEmergencyAccessAsync(hoursAgo: 6);

        await Task.WhenAll(RunAsync(), RunAsync(), RunAsync());

        Assert.Single(await SummariesAsync(jens.UserId, emergency.Reason));
    }

    [Fact]
    public async Task An_emergency_access_still_running_is_not_summarised()
    {
        var jensId = await factory.JensIdAsync(Ct);
        var jens = await factory.ActorAsync("jens", Ct);
        var doctor = await factory.ActorAsync("hospital.doctor", Ct);
        var now = AccessLogTestData.Now(factory);
        var running = new EmergencyAccess(jensId, doctor, "Still running " + Guid.NewGuid(), now.AddMinutes(-5), TimeSpan.FromHours(1), EmergencyAccessRules.Standard);
        await using (var db = await factory.CreateDbContextAsync(Ct))
        {
            db.EmergencyAccesses.Add(running);
            await db.SaveChangesAsync(Ct);
        }

        await RunAsync();

        Assert.Empty(await SummariesAsync(jens.UserId, running.Reason));
    }

    private async Task RunAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<EmergencyAccessSummaryJob>().RunAsync(Ct);
    }

    /// <summary>
    /// Hospital doctor's emergency access to Jens, two hours from <paramref name="hoursAgo"/>, with two timeline and one
    /// calendar read under it (each test its own hours: the windows of one clinician must not overlap).
    /// </summary>
    private async Task<(Guid JensId, Actor Jens, EmergencyAccess Emergency)> EndedEmergencyAccessAsync(int hoursAgo = 3)
    {
        var jensId = await factory.JensIdAsync(Ct);
        var jens = await factory.ActorAsync("jens", Ct);
        var doctor = await factory.ActorAsync("hospital.doctor", Ct);
        var start = AccessLogTestData.Now(factory).AddHours(-hoursAgo);
        var emergency = new EmergencyAccess(jensId, doctor, "Unconscious, need the history " + Guid.NewGuid(), start, TimeSpan.FromHours(2), EmergencyAccessRules.Standard);
        await using (var db = await factory.CreateDbContextAsync(Ct))
        {
            db.EmergencyAccesses.Add(emergency);
            await db.SaveChangesAsync(Ct);
        }
        await AccessLogTestData.AddAsync(factory,
        [
            AccessLogTestData.Record(doctor, jensId, start, emergency: true, section: PatientSection.MasterData, what: EmergencyAccess.StartedRecordWhat),
            AccessLogTestData.Record(doctor, jensId, start.AddMinutes(1), emergency: true, section: PatientSection.Timeline, what: "Timeline"),
            AccessLogTestData.Record(doctor, jensId, start.AddMinutes(2), emergency: true, section: PatientSection.Timeline, what: "Timeline"),
            AccessLogTestData.Record(doctor, jensId, start.AddMinutes(3), emergency: true, section: PatientSection.Calendar, what: "Calendar"),
            AccessLogTestData.Record(doctor, jensId, start.AddMinutes(4), section: PatientSection.Conditions),
        ], Ct);
        return (jensId, jens, emergency);
    }

    private async Task<List<Notification>> SummariesAsync(string userId, string reason)
    {
        await using var db = await factory.CreateDbContextAsync(Ct);
        return [.. (await db.Notifications.AsNoTracking()
                .Where(n => n.RecipientUserId == userId && n.Kind == NotificationKind.EmergencyAccessSummary)
                .ToListAsync(Ct))
            .Where(n => n.Values.GetValueOrDefault(NotificationMessage.Reason) == reason)];
    }
}

public sealed class EmergencyAccessSummaryJobTests_Sqlite(SqliteAppFactory factory) : EmergencyAccessSummaryJobTests(factory), IClassFixture<SqliteAppFactory>;

public sealed class EmergencyAccessSummaryJobTests_PostgreSql(PostgreSqlAppFactory factory) : EmergencyAccessSummaryJobTests(factory), IClassFixture<PostgreSqlAppFactory>;
