using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Calendar;
using CareWorkspace.Domain.Notifications;
using CareWorkspace.Infrastructure.Access;
using CareWorkspace.Infrastructure.Jobs;
using CareWorkspace.Infrastructure.Notifications;
using CareWorkspace.Infrastructure.Persistence;
using CareWorkspace.Infrastructure.Realtime;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CareWorkspace.Infrastructure.FollowUp;

/// <summary>
/// Goes through the open follow-up tasks as the system actor: a task whose follow-up appointment with the GP clinic
/// has been booked since the discharge is done; one still unbooked after <see cref="FollowUpSettings.EscalateAfter"/> is
/// escalated to the clinic's GPs (marked, and a notification each). Each task is changed in its own transaction with
/// its notifications, and an escalated task is never escalated again, so a rerun or a crash sends nothing twice.
/// </summary>
public sealed class FollowUpEscalationJob(
    IDbContextFactory<CareDbContext> dbFactory,
    PatientAccessGuard guard,
    IEnumerable<INotificationChannel> channels,
    IPathwayNotifier notifier,
    TimeProvider clock,
    FollowUpSettings settings,
    ILogger<FollowUpEscalationJob> logger) : IRecurringJob
{
    public const string JobId = "follow-up-escalation";
    private const string What = "Follow-up task check";

    private static Actor Actor => SystemActor.FollowUpTasks;

    public void Schedule(IRecurringJobManager recurring) =>
        recurring.ScheduleInDanishTime<FollowUpEscalationJob>(JobId, settings.Schedule, job => job.RunAsync(CancellationToken.None));

    /// <summary>One run; returns (booked, escalated).</summary>
    [AutomaticRetry(Attempts = 0)]
    public async Task<(int Booked, int Escalated)> RunAsync(CancellationToken ct)
    {
        List<Guid> open;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
            open = await db.FollowUpTasks.AsNoTracking().Where(t => t.BookedAt == null).Select(t => t.Id).ToListAsync(ct);
        var (booked, escalated) = (0, 0);
        foreach (var id in open)
        {
            ct.ThrowIfCancellationRequested();
            switch (await CheckAsync(id, ct))
            {
                case Outcome.Booked: booked++; break;
                case Outcome.Escalated: escalated++; break;
            }
        }
        if (booked + escalated > 0)
            logger.LogInformation("Follow-up tasks: {Booked} booked, {Escalated} escalated", booked, escalated);
        return (booked, escalated);
    }

    private async Task<Outcome> CheckAsync(Guid taskId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var task = await db.FollowUpTasks.SingleOrDefaultAsync(t => t.Id == taskId, ct);
        if (task is not { IsOpen: true })
            return Outcome.Unchanged;
        var now = clock.GetUtcNow();
        var relationships = await guard.DemandForJobAsync(db, Actor, [task.PatientId], AccessAction.Update, PatientSection.CareTeam, What, ct);
        if (!relationships.TryGetValue(task.PatientId, out var relationship))
            return Outcome.Unchanged;
        await guard.DemandForJobAsync(db, Actor, [task.PatientId], AccessAction.Read, PatientSection.Calendar, What, ct);

        var booked = await db.Appointments.AsNoTracking().AnyAsync(a =>
            a.PatientId == task.PatientId && a.OrganisationId == task.OrganisationId && a.Type == AppointmentType.FollowUp
            && a.Status != AppointmentStatus.Cancelled && a.Start >= task.DischargedAt, ct);
        Outcome outcome;
        var told = new List<string>();
        if (booked)
        {
            task.MarkBooked(now);
            outcome = Outcome.Booked;
        }
        else if (task.ShouldEscalate(now, settings.EscalateAfter))
        {
            task.Escalate(now);
            outcome = Outcome.Escalated;
            await guard.DemandForJobAsync(db, Actor, [task.PatientId], AccessAction.Read, PatientSection.MasterData, What, ct);
            var patient = await db.Patients.AsNoTracking().Where(p => p.Id == task.PatientId).Select(p => p.GivenName + " " + p.FamilyName).SingleAsync(ct);
            var message = new NotificationMessage(NotificationKind.FollowUpEscalated,
                new Dictionary<string, string>
                {
                    [NotificationMessage.Patient] = patient,
                    [NotificationMessage.Due] = task.DueBy.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                },
                task.PatientId, "/tasks");
            var gps = await db.Users.AsNoTracking()
                .Where(u => u.OrganisationId == task.OrganisationId && u.Role == UserRole.GeneralPractitioner && !u.Deactivated)
                .Select(u => new { u.Id, u.Email, u.PhoneNumber, u.PreferredLanguage })
                .ToListAsync(ct);
            // Stored with the task in one transaction; e-mail and SMS are for reminders only.
            foreach (var gp in gps)
            {
                var recipient = new NotificationRecipient(gp.Id, gp.Email, gp.PhoneNumber, NotificationRecipient.LanguageOf(gp.PreferredLanguage));
                foreach (var channel in channels.Where(c => c.StoresInDatabase))
                    await channel.SendAsync(db, recipient, message, ct);
                told.Add(gp.Id);
            }
        }
        else
        {
            // Nothing changed, but the record was read: its access records are kept.
            await db.SaveChangesAsync(ct);
            return Outcome.Unchanged;
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // A concurrent run changed the task first: it is done there.
            return Outcome.Unchanged;
        }
        notifier.Sent(told);
        notifier.PathwayChanged(new PathwayChange(task.PatientId, PatientSection.CareTeam, task.Id, Actor.UserId)
        {
            Audience = Audience.CareTeam,
            SeenBy = WhoMaySee.Change(relationship, PatientSection.CareTeam, Audience.CareTeam),
        });
        return outcome;
    }

    private enum Outcome
    {
        Unchanged,
        Booked,
        Escalated,
    }
}
