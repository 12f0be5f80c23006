using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Blocks;
using CareWorkspace.Domain.Notifications;
using CareWorkspace.Infrastructure.Access;
using CareWorkspace.Infrastructure.Jobs;
using CareWorkspace.Infrastructure.Notifications;
using CareWorkspace.Infrastructure.Persistence;
using CareWorkspace.Infrastructure.Realtime;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace CareWorkspace.Infrastructure.Sharing;

/// <summary>
/// Tells the patient afterwards what an emergency access was used for: every ended emergency access (at its time
/// limit or ended early) not yet summarised is read as the system actor through the guard (the patient's access log),
/// summarised, and the patient and the relatives whose consent includes the access log get a notification linking to
/// the highlighted entries. Each emergency access is marked summarised in the same transaction as its notifications,
/// under its concurrency token, so a rerun or a concurrent run sends nothing twice.
/// </summary>
public sealed class EmergencyAccessSummaryJob(
    IDbContextFactory<CareDbContext> dbFactory,
    PatientAccessGuard guard,
    IPathwayNotifier notifier,
    TimeProvider clock,
    EmergencyAccessSummaryJob.Settings settings,
    ILogger<EmergencyAccessSummaryJob> logger) : IRecurringJob
{
    public const string JobId = "emergency-access-summaries";
    private const string What = "Emergency access summary";

    /// <summary><c>EmergencyAccess:SummarySchedule</c> (cron, Copenhagen time; default every 5 minutes).</summary>
    public sealed record Settings(string Schedule)
    {
        public static Settings From(IConfiguration configuration) =>
            new(RecurringJobs.CronFrom(configuration, "EmergencyAccess:SummarySchedule", "*/5 * * * *"));
    }

    private static Actor Actor => SystemActor.EmergencyAccessSummaries;

    public void Schedule(IRecurringJobManager recurring) =>
        recurring.ScheduleInDanishTime<EmergencyAccessSummaryJob>(JobId, settings.Schedule, job => job.RunAsync(CancellationToken.None));

    /// <summary>One run; returns how many emergency accesses it summarised.</summary>
    [AutomaticRetry(Attempts = 0)]
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        List<Guid> ended;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
            ended = await db.EmergencyAccesses.AsNoTracking()
                .Where(e => e.SummarisedAt == null && e.EndsAt <= now)
                .OrderBy(e => e.EndsAt)
                .Select(e => e.Id)
                .ToListAsync(ct);
        var summarised = 0;
        foreach (var id in ended)
        {
            ct.ThrowIfCancellationRequested();
            if (await SummariseAsync(id, ct))
                summarised++;
        }
        if (summarised > 0)
            logger.LogInformation("Emergency access: {Count} ended emergency accesses summarised for the patients", summarised);
        return summarised;
    }

    private async Task<bool> SummariseAsync(Guid emergencyId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var emergency = await db.EmergencyAccesses.SingleOrDefaultAsync(e => e.Id == emergencyId, ct);
        var now = clock.GetUtcNow();
        if (emergency is null || emergency.SummarisedAt is not null || !emergency.HasEndedAt(now))
            return false;
        var patientId = emergency.PatientId;
        var relationships = await guard.DemandForJobAsync(db, Actor, [patientId], AccessAction.Read, PatientSection.AccessLog, What, ct,
            PatientSection.MasterData);
        if (!relationships.TryGetValue(patientId, out var relationship))
        {
            await db.SaveChangesAsync(ct);
            return false;
        }
        var (from, to, clinician) = (emergency.StartedAt, emergency.EndsAt, emergency.ClinicianUserId);
        var records = await db.AccessRecords.AsNoTracking()
            .Where(r => r.PatientId == patientId && r.UserId == clinician && r.EmergencyAccess && r.At >= from && r.At <= to)
            .ToListAsync(ct);
        var summary = EmergencyAccessSummary.Of(emergency, records);
        var patientName = await db.Patients.AsNoTracking().Where(p => p.Id == patientId).Select(p => p.GivenName + " " + p.FamilyName).SingleAsync(ct);
        var message = summary.Message(patientName);
        var recipients = EmergencyAccessSummary.Recipients(relationship);
        foreach (var recipient in recipients)
            db.Notifications.Add(new Notification(recipient, message, now));
        emergency.MarkSummarised(now);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // A concurrent run summarised it first: its notifications are the ones sent.
            return false;
        }
        notifier.Sent(recipients);
        return true;
    }
}
