using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Common;
using CareWorkspace.Domain.NationalSync;
using CareWorkspace.Domain.Pathway;
using CareWorkspace.Infrastructure.Demo;
using CareWorkspace.Infrastructure.NationalServices;
using CareWorkspace.Infrastructure.NationalServices.Sandbox;
using CareWorkspace.Infrastructure.NationalServices.Sync;
using CareWorkspace.Infrastructure.Realtime;
using CareWorkspace.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareWorkspace.IntegrationTests.NationalSync;

/// <summary>
/// The hospital-notification sync on the real database, over HTTP against the sandbox: an admission and a discharge
/// reach the patient's timeline (a discharge raises the GP's follow-up task), every run can be repeated without
/// duplicating anything, invalid messages are rejected and kept, a failing import is kept for another try, and a
/// service that is down fails the run without losing anything.
/// </summary>
public abstract class HospitalNotificationSyncTests(SandboxAppFactory factory) : IDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static int sequence;

    public void Dispose()
    {
        factory.Faults.ClearAll();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task The_demo_stay_already_on_Jens_timeline_is_not_imported_again()
    {
        await RunAsync();

        await using var db = await factory.CreateDbContextAsync(Ct);
        var jensId = await factory.JensIdAsync(Ct);
        var storyEnded = DateTimeOffset.UtcNow.AddDays(-20);
        Assert.False(await db.PathwayEvents.AnyAsync(e => e.PatientId == jensId && (e.Kind == PathwayEventKind.Admitted || e.Kind == PathwayEventKind.Discharged)
            && e.At < storyEnded, Ct));
        Assert.Equal(SandboxSeed.AlreadyImportedSourceIds.Count,
            await db.ImportedItems.CountAsync(i => SandboxSeed.AlreadyImportedSourceIds.Contains(i.SourceId), Ct));
    }

    [Fact]
    public async Task A_discharge_reaches_Jens_open_timeline_and_raises_the_GP_follow_up_once_however_often_the_job_runs()
    {
        var jensId = await factory.JensIdAsync(Ct);
        var dischargedAt = Moment(hoursAgo: 1);
        var id = Place(DemoDataSeeder.JensCpr, dischargedAt);
        using var probe = new ChangeProbe<bool>(factory.Services.GetRequiredService<IPathwayNotifier>(), jensId, PatientSection.Timeline,
            _ => Task.FromResult(true), c => c.ByUserId);

        var first = await RunAsync();
        var second = await RunAsync();

        Assert.True(first.Imported >= 1);
        Assert.Equal(0, second.Imported);
        await probe.ArrivalAsync(SystemActor.NationalSync.UserId, Ct);
        await using var db = await factory.CreateDbContextAsync(Ct);
        var imported = await db.ImportedItems.AsNoTracking().SingleAsync(i => i.Service == NationalService.HospitalNotifications && i.SourceId == "Bundle/" + id, Ct);
        Assert.Equal(jensId, imported.PatientId);
        Assert.Equal("1", imported.Version);
        var discharged = await db.PathwayEvents.AsNoTracking().Where(e => e.PatientId == jensId && e.Kind == PathwayEventKind.Discharged && e.At == dischargedAt).ToListAsync(Ct);
        Assert.Equal(SandboxSeed.HospitalName, Assert.Single(discharged).SourceOrganisationName);
        var task = Assert.Single(await db.FollowUpTasks.AsNoTracking().Where(t => t.PatientId == jensId && t.DischargedAt == dischargedAt).ToListAsync(Ct));
        Assert.Equal(CopenhagenTime.DateOf(dischargedAt).AddDays(7), task.DueBy);
        Assert.Equal((SystemActor.NationalSync.DisplayName, SandboxSeed.HospitalName), (task.RequestedBy, task.RequestedByOrganisation));
        var gp = await db.Patients.AsNoTracking().Where(p => p.Id == jensId).Select(p => p.GpOrganisationId).SingleAsync(Ct);
        Assert.Equal(gp, task.OrganisationId);
        Assert.True(await db.AccessRecords.AnyAsync(r => r.PatientId == jensId && r.UserDisplayName == "System: national services sync" && r.Allowed, Ct));
    }

    [Fact]
    public async Task An_admission_becomes_an_Admitted_event_on_the_timeline()
    {
        var admittedAt = Moment(hoursAgo: 30);
        Place(DemoDataSeeder.JensCpr, admittedAt: admittedAt, dischargedAt: null);

        await RunAsync();
        await RunAsync();

        await using var db = await factory.CreateDbContextAsync(Ct);
        var jensId = await factory.JensIdAsync(Ct);
        var admitted = await db.PathwayEvents.AsNoTracking().Where(e => e.PatientId == jensId && e.Kind == PathwayEventKind.Admitted && e.At == admittedAt).ToListAsync(Ct);
        Assert.Equal(PathwayEventType.Admission, Assert.Single(admitted).Type);
    }

    [Fact]
    public async Task An_invalid_message_is_rejected_once_with_its_reason_and_payload_and_the_rest_is_imported()
    {
        var bad = Place("3213521235", Moment(hoursAgo: 2));
        var good = Place(DemoDataSeeder.JensCpr, Moment(hoursAgo: 3));

        var first = await RunAsync();
        var second = await RunAsync();

        Assert.True(first.Rejected >= 1);
        Assert.Equal(0, second.Rejected);
        await using var db = await factory.CreateDbContextAsync(Ct);
        var rejected = await db.ParkedImports.AsNoTracking().SingleAsync(p => p.SourceId == "Bundle/" + bad, Ct);
        Assert.Equal(ParkedImportState.Rejected, rejected.State);
        Assert.StartsWith("The CPR identifier does not parse", rejected.Reason, StringComparison.Ordinal);
        Assert.Contains("3213521235", rejected.Payload, StringComparison.Ordinal);
        Assert.True(await db.ImportedItems.AnyAsync(i => i.SourceId == "Bundle/" + good, Ct));
        Assert.False(await db.ImportedItems.AnyAsync(i => i.SourceId == "Bundle/" + bad, Ct));
    }

    [Fact]
    public async Task A_message_that_fails_to_import_is_kept_with_its_payload_for_another_try_and_the_rest_is_imported()
    {
        var unknownHospital = Place(DemoDataSeeder.JensCpr, Moment(hoursAgo: 4), hospitalSor: "999999999999999");
        var good = Place(DemoDataSeeder.JensCpr, Moment(hoursAgo: 5));

        var counts = await RunAsync();
        await RunAsync();

        Assert.True(counts.Parked >= 1);
        await using var db = await factory.CreateDbContextAsync(Ct);
        var parked = await db.ParkedImports.AsNoTracking().SingleAsync(p => p.SourceId == "Bundle/" + unknownHospital, Ct);
        Assert.Equal(ParkedImportState.Retrying, parked.State);
        Assert.Contains("999999999999999", parked.Reason, StringComparison.Ordinal);
        Assert.Contains("999999999999999", parked.Payload, StringComparison.Ordinal);
        Assert.NotNull(parked.NextAttemptAt);
        Assert.True(await db.ImportedItems.AnyAsync(i => i.SourceId == "Bundle/" + good, Ct));
    }

    [Fact]
    public async Task A_service_that_is_down_fails_the_run_with_its_reason_and_the_next_run_imports_what_was_missed()
    {
        await RunAsync();
        var missed = Place(DemoDataSeeder.JensCpr, Moment(hoursAgo: 6));
        factory.Faults.Set(NationalService.HospitalNotifications, SandboxFault.ServerError);

        var failure = await Assert.ThrowsAsync<NationalServiceException>(RunAsync);
        SyncState afterFailure;
        await using (var db = await factory.CreateDbContextAsync(Ct))
            afterFailure = await db.SyncStates.AsNoTracking().SingleAsync(s => s.Service == NationalService.HospitalNotifications, Ct);
        factory.Faults.ClearAll();
        await RunAsync();

        Assert.Equal(NationalServiceFailure.ServerError, failure.Failure);
        Assert.Equal("HospitalNotifications: answered HTTP 500 (InternalServerError)", afterFailure.LastError);
        Assert.NotNull(afterFailure.LastErrorAt);
        await using var after = await factory.CreateDbContextAsync(Ct);
        Assert.True(await after.ImportedItems.AnyAsync(i => i.SourceId == "Bundle/" + missed, Ct));
        var state = await after.SyncStates.AsNoTracking().SingleAsync(s => s.Service == NationalService.HospitalNotifications, Ct);
        Assert.True(state.LastSuccessAt > afterFailure.LastErrorAt);
        Assert.NotNull(state.Watermark);
    }

    private async Task<SyncCounts> RunAsync()
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<HospitalNotificationSyncJob>().RunAsync(Ct);
    }

    /// <summary>A moment in whole seconds (as a message carries it), unique per call so that tests never share one.</summary>
    private static DateTimeOffset Moment(int hoursAgo)
    {
        var now = DateTimeOffset.UtcNow;
        return new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, TimeSpan.Zero)
            .AddHours(-hoursAgo).AddSeconds(-Interlocked.Increment(ref sequence) % 60);
    }

    private string Place(string cpr, DateTimeOffset dischargedAt, string hospitalSor = DemoOrganisations.HospitalSor) =>
        Place(cpr, dischargedAt.AddDays(-3), dischargedAt, hospitalSor);

    private string Place(string cpr, DateTimeOffset admittedAt, DateTimeOffset? dischargedAt, string hospitalSor = DemoOrganisations.HospitalSor)
    {
        var id = "test-" + Guid.NewGuid().ToString("N");
        factory.Sandbox.Place(NationalService.HospitalNotifications, SandboxMessages.HospitalNotification(id, cpr, "Jensen", hospitalSor, SandboxSeed.HospitalName,
            DemoOrganisations.HomeCareSor, SandboxSeed.HomeCareName, admittedAt, dischargedAt), cpr);
        return id;
    }
}

public sealed class HospitalNotificationSyncTests_Sqlite(SandboxSqliteAppFactory factory)
    : HospitalNotificationSyncTests(factory), IClassFixture<SandboxSqliteAppFactory>;

public sealed class HospitalNotificationSyncTests_PostgreSql(SandboxPostgreSqlAppFactory factory)
    : HospitalNotificationSyncTests(factory), IClassFixture<SandboxPostgreSqlAppFactory>;
