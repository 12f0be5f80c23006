using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Calendar;
using CareWorkspace.Domain.Common;
using CareWorkspace.Domain.NationalSync;
using CareWorkspace.Infrastructure.Access;
using CareWorkspace.Infrastructure.Jobs;
using CareWorkspace.Infrastructure.Persistence;
using CareWorkspace.Infrastructure.Realtime;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CareWorkspace.Infrastructure.NationalServices.Sync;

/// <summary>
/// Merges the national appointments service's appointments into the joint calendar as the system actor. An appointment
/// is recognised by its identifier: the first time it is added (marked with its source, the owning organisation found by
/// SOR), a later version changes the same appointment; nothing is ever added twice. Imported appointments are read-only
/// here (<see cref="Appointment.IsImported"/>). An appointment of someone who is not a patient here is read and left; one
/// whose organisation is unknown here fails the import (kept for another try, as the organisation may be added).
/// </summary>
public sealed class SharedAppointmentSyncJob(
    IDbContextFactory<CareDbContext> dbFactory,
    ISharedAppointments appointments,
    PatientAccessGuard guard,
    IPathwayNotifier notifier,
    TimeProvider clock,
    NationalServicesSettings settings,
    ILogger<SharedAppointmentSyncJob> logger) : NationalSyncJob<SharedAppointment>(dbFactory, notifier, clock, logger)
{
    public const string JobId = "national-sync-appointments";

    public override string RecurringJobId => JobId;
    private const string What = "Import shared appointment";

    private static Actor Actor => SystemActor.NationalSync;

    public override NationalService Service => NationalService.Appointments;

    protected override PatientSection ShownIn => PatientSection.Calendar;

    // A hospital moves or cancels a booking under the same resource: each newer version is followed.
    protected override bool ImportsNewVersions => true;

    public override void Schedule(IRecurringJobManager recurring) =>
        recurring.ScheduleInDanishTimeIf<SharedAppointmentSyncJob>(settings.IsSetUp(Service), JobId, settings.ScheduleOf(Service),
            job => job.RunAsync(CancellationToken.None));

    protected override IAsyncEnumerable<NationalPage<SharedAppointment>> ChangesSinceAsync(DateTimeOffset? since, CancellationToken ct) =>
        appointments.ChangedSinceAsync(since, ct);

    protected override bool TryRead(Hl7.Fhir.Model.Resource resource, DateOnly today, out SharedAppointment? item, out string reason) =>
        SharedAppointmentsAdapter.TryRead(resource, today, out item, out reason);

    protected override async Task<bool> ImportAsync(SharedAppointment shared, Provenance provenance, DateTimeOffset fetchedAt, CancellationToken ct)
    {
        await using var db = await Databases.CreateDbContextAsync(ct);
        var patient = await db.Patients.AsNoTracking().Where(p => p.Cpr == shared.Cpr)
            .Select(p => new { p.Id, p.UserId, p.GivenName, p.FamilyName }).SingleOrDefaultAsync(ct);
        if (patient is null)
            return false;
        var sor = shared.OrganisationSor
            ?? throw new InvalidOperationException($"The appointment {shared.Identifier} names no organisation (SOR) that owns it.");
        var organisation = await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Sor == sor, ct)
            ?? throw new InvalidOperationException($"The appointment's organisation (SOR {sor.Value}) is not an organisation here.");
        var relationships = await guard.DemandForJobAsync(db, Actor, [patient.Id], AccessAction.Create, PatientSection.Calendar, What, ct);
        if (!relationships.TryGetValue(patient.Id, out var relationship))
        {
            await db.SaveChangesAsync(ct);
            return false;
        }
        var details = new AppointmentDetails(AppointmentType.CheckUp, AppointmentMode.InPerson, organisation.Name,
            Shorten(shared.Description, AppointmentDetails.ReasonMaxLength));
        var time = new AppointmentTime(shared.Start, shared.End);
        AppointmentParticipant[] participants =
        [
            new(ParticipantKind.Patient, patient.UserId, $"{patient.GivenName} {patient.FamilyName}", status: ParticipationStatus.Accepted),
            new(ParticipantKind.Practitioner, null, organisation.Name, status: ParticipationStatus.Accepted),
        ];
        var status = SharedAppointmentStatus.ToCalendar(shared.Status);
        var stamp = new ChangeStamp(Actor.DisplayName, fetchedAt);
        var appointment = await db.Appointments.SingleOrDefaultAsync(a => a.ExternalIdentifier == shared.Identifier, ct);
        if (appointment is null)
        {
            appointment = Appointment.Import(patient.Id, organisation.Id, details, time, participants, status, shared.Identifier,
                Shorten(organisation.Name, Appointment.ExternalSourceMaxLength)!, stamp);
            db.Appointments.Add(appointment);
        }
        else if (appointment.PatientId == patient.Id)
        {
            appointment.UpdateFromSource(details, time, participants, status, stamp);
        }
        else
        {
            throw new InvalidOperationException($"The appointment {shared.Identifier} was imported for another patient.");
        }
        await RecordImportedAsync(db, provenance, fetchedAt, patient.Id, ct);
        await db.SaveChangesAsync(ct);
        Notifier.PathwayChanged(new PathwayChange(patient.Id, PatientSection.Calendar, appointment.Id, Actor.UserId)
        {
            SeenBy = WhoMaySee.Change(relationship, PatientSection.Calendar, Audience.Everyone),
        });
        return true;
    }

    private static string? Shorten(string? text, int max) => text is null || text.Length <= max ? text : text[..max];
}
