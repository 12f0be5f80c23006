using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Common;
using CareWorkspace.Domain.FollowUp;
using CareWorkspace.Domain.NationalSync;
using CareWorkspace.Domain.Pathway;
using CareWorkspace.Infrastructure.Access;
using CareWorkspace.Infrastructure.Jobs;
using CareWorkspace.Infrastructure.Persistence;
using CareWorkspace.Infrastructure.Realtime;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CareWorkspace.Infrastructure.NationalServices.Sync;

/// <summary>
/// Imports hospital notifications as the system actor: an admission becomes an Admitted event on the patient's timeline;
/// a discharge is recorded as the hospital's "Record discharge" is (a Discharge event and, when the patient has a GP
/// and the follow-up is still due, the GP clinic's follow-up task). A notification about someone who is not a patient
/// here is read and left. Open pathways hear of each import after its commit.
/// </summary>
public sealed class HospitalNotificationSyncJob(
    IDbContextFactory<CareDbContext> dbFactory,
    IHospitalNotifications notifications,
    PatientAccessGuard guard,
    IPathwayNotifier notifier,
    TimeProvider clock,
    NationalServicesSettings settings,
    ILogger<HospitalNotificationSyncJob> logger) : NationalSyncJob<HospitalNotification>(dbFactory, notifier, clock, logger)
{
    public const string JobId = "national-sync-hospital-notifications";

    public override string RecurringJobId => JobId;
    private const string What = "Import hospital notification";

    private static Actor Actor => SystemActor.NationalSync;

    public override NationalService Service => NationalService.HospitalNotifications;

    protected override PatientSection ShownIn => PatientSection.Timeline;

    public override void Schedule(IRecurringJobManager recurring) =>
        recurring.ScheduleInDanishTimeIf<HospitalNotificationSyncJob>(settings.IsSetUp(Service), JobId, settings.ScheduleOf(Service),
            job => job.RunAsync(CancellationToken.None));

    protected override IAsyncEnumerable<NationalPage<HospitalNotification>> ChangesSinceAsync(DateTimeOffset? since, CancellationToken ct) =>
        notifications.ChangedSinceAsync(since, ct);

    protected override bool TryRead(Hl7.Fhir.Model.Resource resource, DateOnly today, out HospitalNotification? item, out string reason) =>
        HospitalNotificationMessage.TryRead(resource, today, out item, out reason);

    protected override async Task<bool> ImportAsync(HospitalNotification notification, Provenance provenance, DateTimeOffset fetchedAt, CancellationToken ct)
    {
        await using var db = await Databases.CreateDbContextAsync(ct);
        var patient = await db.Patients.AsNoTracking().Where(p => p.Cpr == notification.Cpr)
            .Select(p => new { p.Id, p.GpOrganisationId }).SingleOrDefaultAsync(ct);
        if (patient is null)
            return false;
        var hospital = await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Sor == notification.HospitalSor, ct)
            ?? throw new InvalidOperationException($"The sending hospital (SOR {notification.HospitalSor.Value}, {notification.HospitalName}) is not an organisation here.");
        var relationships = await guard.DemandForJobAsync(db, Actor, [patient.Id], AccessAction.Create, PatientSection.CareTeam, What, ct);
        if (!relationships.TryGetValue(patient.Id, out var relationship))
        {
            await db.SaveChangesAsync(ct);
            return false;
        }
        FollowUpTask? task = null;
        switch (notification.Kind)
        {
            case HospitalNotificationKind.Admission:
                db.PathwayEvents.Add(PathwayEvent.Admitted(patient.Id, notification.At, hospital));
                break;
            case HospitalNotificationKind.Discharge:
                var days = settings.GpFollowUpWithinDays;
                var followUp = patient.GpOrganisationId is { } gp && Discharge.FollowUpStillDue(notification.At, days, CopenhagenTime.Today(Clock))
                    ? (gp, days)
                    : ((Guid, int)?)null;
                (task, var discharged) = Discharge.Record(patient.Id, hospital, notification.At, followUp, note: null, Actor.DisplayName);
                if (task is not null)
                    db.FollowUpTasks.Add(task);
                db.PathwayEvents.Add(discharged);
                break;
        }
        await RecordImportedAsync(db, provenance, fetchedAt, patient.Id, ct);
        await db.SaveChangesAsync(ct);
        if (notification.Kind == HospitalNotificationKind.Other)
            return true;
        if (task is not null)
        {
            Notifier.PathwayChanged(new PathwayChange(patient.Id, PatientSection.CareTeam, task.Id, Actor.UserId)
            {
                Audience = Audience.CareTeam,
                SeenBy = WhoMaySee.Change(relationship, PatientSection.CareTeam, Audience.CareTeam),
            });
        }
        Notifier.PathwayChanged(new PathwayChange(patient.Id, PatientSection.Timeline, task?.Id, Actor.UserId));
        return true;
    }
}
