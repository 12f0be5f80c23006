using System.Globalization;
using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Calendar;
using CareWorkspace.Domain.Notifications;
using CareWorkspace.Domain.Reminders;
using CareWorkspace.Infrastructure.Access;
using CareWorkspace.Infrastructure.Jobs;
using CareWorkspace.Infrastructure.Notifications;
using CareWorkspace.Infrastructure.Persistence;
using CareWorkspace.Infrastructure.Realtime;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CareWorkspace.Infrastructure.Reminders;

/// <summary>
/// Finds the appointments that are due a reminder and sends each reminder exactly once per person, as the system actor.
/// "Already reminded" is per recipient: an appointment whose patient was reminded is looked at again when a relative's
/// consent comes later (see <see cref="ReminderCheck"/>), and only the new recipient is reminded. Works in batches; each batch's reminder deliveries, in-app notifications and access records commit in one
/// transaction, and the unique key of <see cref="ReminderDelivery"/> refuses a second copy, so a second run, a
/// concurrent run or a run after a crash sends nothing twice. E-mail and SMS go out after the commit.
/// </summary>
public sealed class AppointmentReminderJob(
    IDbContextFactory<CareDbContext> dbFactory,
    PatientAccessGuard guard,
    IEnumerable<INotificationChannel> channels,
    IPathwayNotifier notifier,
    TimeProvider clock,
    ReminderSettings settings,
    ILogger<AppointmentReminderJob> logger) : IRecurringJob
{
    public const string JobId = "appointment-reminders";
    private const string What = "Appointment reminder";
    private const int AttemptsPerBatch = 10;

    private static Actor Actor => SystemActor.AppointmentReminders;

    public void Schedule(IRecurringJobManager recurring) =>
        recurring.ScheduleInDanishTime<AppointmentReminderJob>(JobId, settings.Schedule, job => job.RunAsync(CancellationToken.None));

    /// <summary>One run; returns how many reminders it sent (all channels).</summary>
    [AutomaticRetry(Attempts = 0)]
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var sent = await ResendUnsentAsync(ct);
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            // Every appointment a batch looks at gets its check, so the next batch reads new ones and the run ends.
            var batch = await RunBatchAsync(ct);
            if (batch is null)
                break;
            sent += batch.Value;
        }
        if (sent > 0)
            logger.LogInformation("Appointment reminders: {Count} sent", sent);
        return sent;
    }

    private async Task<int?> RunBatchAsync(CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await TryBatchAsync(ct);
            }
            catch (DbUpdateException ex) when (UniqueViolation.Is(ex) && attempt < AttemptsPerBatch)
            {
                // Another run sent some of these meanwhile: read again, and what it sent is no longer due.
                logger.LogInformation("Appointment reminders: another run sent part of a batch; reading it again");
            }
        }
    }

    private async Task<int?> TryBatchAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var horizon = now + settings.LeadTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // Due to be looked at: never checked as starting then, or someone may have become a recipient since the check
        // (the patient's own account changed, or a relative's consent was given after it).
        var due = await db.Appointments.AsNoTracking()
            .Where(a => a.Status == AppointmentStatus.Booked && a.Start > now && a.Start <= horizon)
            .Where(a => !db.ReminderChecks.Any(k => k.AppointmentId == a.Id && k.StartsAt == a.Start
                && db.Patients.Any(p => p.Id == a.PatientId && p.UserId == k.PatientUserId)
                && !db.RelativeConsents.Any(c => c.PatientId == a.PatientId && c.GivenAt > k.ConsentsSeenUntil)))
            .OrderBy(a => a.Start).ThenBy(a => a.Id)
            .Take(settings.BatchSize)
            .Select(a => new Due(a.Id, a.PatientId, a.OrganisationId, a.Start, a.Status,
                db.Patients.Where(p => p.Id == a.PatientId).Select(p => p.UserId).FirstOrDefault()))
            .ToListAsync(ct);
        if (due.Count == 0)
            return null;

        var relationships = await guard.DemandForJobAsync(db, Actor, [.. due.Select(d => d.PatientId)], AccessAction.Read,
            PatientSection.Calendar, What, ct, PatientSection.MasterData);
        var reminded = await AlreadyRemindedAsync(db, due, ct);
        var wanted = due
            .Where(d => relationships.ContainsKey(d.PatientId) && AppointmentReminderRules.IsDue(d.Status, d.Start, now, settings.LeadTime))
            .SelectMany(d => AppointmentReminderRules.Recipients(relationships[d.PatientId])
                .Where(r => !reminded.Contains((d.Id, d.Start, r)))
                .Select(r => (Due: d, RecipientId: r)))
            .ToList();
        await RecordChecksAsync(db, due, now, ct);
        var names = await PatientNamesAsync(db, wanted.Select(w => w.Due.PatientId), ct);
        var organisations = await OrganisationNamesAsync(db, wanted.Select(w => w.Due.OrganisationId), ct);
        var recipients = await RecipientsAsync(db, wanted.Select(w => w.RecipientId), ct);

        var external = new List<(ReminderDelivery Delivery, INotificationChannel Channel, NotificationRecipient Recipient, NotificationMessage Message)>();
        var told = new HashSet<string>(StringComparer.Ordinal);
        var sent = 0;
        foreach (var (appointment, recipientId) in wanted)
        {
            if (!recipients.TryGetValue(recipientId, out var recipient))
                continue;
            var message = Message(appointment, names.GetValueOrDefault(appointment.PatientId), organisations.GetValueOrDefault(appointment.OrganisationId));
            foreach (var channel in channels.Where(c => c.StoresInDatabase || HasAddress(c, recipient)))
            {
                var delivery = new ReminderDelivery(appointment.Id, recipientId, appointment.Start, channel.Kind, now, sent: channel.StoresInDatabase);
                db.ReminderDeliveries.Add(delivery);
                if (channel.StoresInDatabase)
                {
                    await channel.SendAsync(db, recipient, message, ct);
                    told.Add(recipientId);
                    sent++;
                }
                else
                {
                    external.Add((delivery, channel, recipient, message));
                }
            }
        }
        await db.SaveChangesAsync(ct);
        notifier.Sent(told);

        foreach (var (delivery, channel, recipient, message) in external)
        {
            await channel.SendAsync(db, recipient, message, ct);
            delivery.MarkSent(clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
            sent++;
        }
        return sent;
    }

    /// <summary>Who has had this appointment's reminder for its present start, by any channel: not reminded again.</summary>
    private static async Task<HashSet<(Guid AppointmentId, DateTimeOffset Start, string RecipientId)>> AlreadyRemindedAsync(
        CareDbContext db, IReadOnlyList<Due> due, CancellationToken ct)
    {
        var ids = due.Select(d => d.Id).ToList();
        var deliveries = await db.ReminderDeliveries.AsNoTracking()
            .Where(d => ids.Contains(d.AppointmentId))
            .Select(d => new { d.AppointmentId, d.StartsAt, d.RecipientUserId })
            .ToListAsync(ct);
        return [.. deliveries.Select(d => (d.AppointmentId, d.StartsAt, d.RecipientUserId))];
    }

    private async Task RecordChecksAsync(CareDbContext db, IReadOnlyList<Due> due, DateTimeOffset now, CancellationToken ct)
    {
        var ids = due.Select(d => d.Id).ToList();
        var checks = await db.ReminderChecks.Where(k => ids.Contains(k.AppointmentId)).ToDictionaryAsync(k => k.AppointmentId, ct);
        foreach (var appointment in due)
        {
            if (checks.TryGetValue(appointment.Id, out var check))
                check.Seen(appointment.Start, appointment.PatientUserId, now, settings.ConsentSettleTime);
            else
                db.ReminderChecks.Add(new ReminderCheck(appointment.Id, appointment.Start, appointment.PatientUserId, now, settings.ConsentSettleTime));
        }
    }

    /// <summary>E-mails and SMS a run claimed but never marked sent (it stopped between commit and send): sent now.</summary>
    private async Task<int> ResendUnsentAsync(CancellationToken ct)
    {
        var external = channels.Where(c => !c.StoresInDatabase).ToDictionary(c => c.Kind);
        if (external.Count == 0)
            return 0;
        var now = clock.GetUtcNow();
        var claimedBefore = now - settings.ResendUnsentAfter;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var unsent = await db.ReminderDeliveries
            .Where(d => d.SentAt == null && d.CreatedAt < claimedBefore && d.StartsAt > now)
            .Take(settings.BatchSize)
            .ToListAsync(ct);
        if (unsent.Count == 0)
            return 0;
        var appointmentIds = unsent.Select(d => d.AppointmentId).Distinct().ToList();
        var appointments = await db.Appointments.AsNoTracking()
            .Where(a => appointmentIds.Contains(a.Id))
            .Select(a => new Due(a.Id, a.PatientId, a.OrganisationId, a.Start, a.Status, null))
            .ToDictionaryAsync(a => a.Id, ct);
        var relationships = await guard.DemandForJobAsync(db, Actor, [.. appointments.Values.Select(a => a.PatientId)], AccessAction.Read,
            PatientSection.Calendar, What, ct, PatientSection.MasterData);
        var names = await PatientNamesAsync(db, relationships.Keys, ct);
        var organisations = await OrganisationNamesAsync(db, appointments.Values.Select(a => a.OrganisationId), ct);
        var recipients = await RecipientsAsync(db, unsent.Select(d => d.RecipientUserId), ct);
        await db.SaveChangesAsync(ct);
        var sent = 0;
        foreach (var delivery in unsent)
        {
            // Still as it was when claimed, still due, still for this person: otherwise it is not sent at all.
            if (!appointments.TryGetValue(delivery.AppointmentId, out var appointment) || appointment.Start != delivery.StartsAt
                || !relationships.TryGetValue(appointment.PatientId, out var relationship)
                || !AppointmentReminderRules.IsDue(appointment.Status, appointment.Start, now, settings.LeadTime)
                || !AppointmentReminderRules.Recipients(relationship).Contains(delivery.RecipientUserId)
                || !recipients.TryGetValue(delivery.RecipientUserId, out var recipient)
                || !external.TryGetValue(delivery.Channel, out var channel))
                continue;
            await channel.SendAsync(db, recipient, Message(appointment, names.GetValueOrDefault(appointment.PatientId), organisations.GetValueOrDefault(appointment.OrganisationId)), ct);
            delivery.MarkSent(clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
            sent++;
        }
        return sent;
    }

    private static bool HasAddress(INotificationChannel channel, NotificationRecipient recipient) => channel.Kind switch
    {
        NotificationChannelKind.Email => !string.IsNullOrWhiteSpace(recipient.Email),
        NotificationChannelKind.Sms => !string.IsNullOrWhiteSpace(recipient.PhoneNumber),
        _ => true,
    };

    private static NotificationMessage Message(Due appointment, string? patientName, string? organisationName) =>
        new(NotificationKind.AppointmentReminder,
            new Dictionary<string, string>
            {
                [NotificationMessage.Start] = appointment.Start.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
                [NotificationMessage.Patient] = patientName ?? "",
                [NotificationMessage.Organisation] = organisationName ?? "",
            },
            appointment.PatientId,
            $"/patients/{appointment.PatientId}/calendar");

    private static async Task<Dictionary<Guid, string>> PatientNamesAsync(CareDbContext db, IEnumerable<Guid> patientIds, CancellationToken ct)
    {
        var ids = patientIds.ToList();
        return await db.Patients.AsNoTracking().Where(p => ids.Contains(p.Id))
            .Select(p => new { p.Id, p.GivenName, p.FamilyName })
            .ToDictionaryAsync(p => p.Id, p => $"{p.GivenName} {p.FamilyName}", ct);
    }

    private static async Task<Dictionary<Guid, string>> OrganisationNamesAsync(CareDbContext db, IEnumerable<Guid> organisationIds, CancellationToken ct)
    {
        var ids = organisationIds.Distinct().ToList();
        return await db.Organisations.AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
    }

    private static async Task<Dictionary<string, NotificationRecipient>> RecipientsAsync(CareDbContext db, IEnumerable<string> userIds, CancellationToken ct)
    {
        var ids = userIds.Distinct().ToList();
        var users = await db.Users.AsNoTracking()
            .Where(u => ids.Contains(u.Id) && !u.Deactivated)
            .Select(u => new { u.Id, u.Email, u.PhoneNumber, u.PreferredLanguage })
            .ToListAsync(ct);
        return users.ToDictionary(u => u.Id, u => new NotificationRecipient(u.Id, u.Email, u.PhoneNumber, NotificationRecipient.LanguageOf(u.PreferredLanguage)), StringComparer.Ordinal);
    }

    private sealed record Due(Guid Id, Guid PatientId, Guid OrganisationId, DateTimeOffset Start, AppointmentStatus Status, string? PatientUserId);
}
