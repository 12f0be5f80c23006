using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Calendar;
using CareWorkspace.Domain.Common;
using CareWorkspace.Domain.NationalSync;
using CareWorkspace.Infrastructure.Demo;
using CareWorkspace.Infrastructure.NationalServices;
using CareWorkspace.Infrastructure.NationalServices.Sandbox;
using CareWorkspace.Infrastructure.NationalServices.Sync;
using CareWorkspace.Infrastructure.Realtime;
using CareWorkspace.IntegrationTests.Infrastructure;
using CareWorkspace.Web.Features.Calendar;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Appointment = Hl7.Fhir.Model.Appointment;
using Task = System.Threading.Tasks.Task;

namespace CareWorkspace.IntegrationTests.NationalSync;

/// <summary>
/// The shared-appointment sync on the real database, over HTTP against the sandbox: Jens' hospital appointment is merged
/// into the joint calendar once, marked with its source, however often the job runs; the same booking seen again under
/// another resource is recognised by its identifier and changes the one appointment; an invalid appointment is rejected
/// while the rest is imported; and nobody can change an imported appointment here.
/// </summary>
public abstract class SharedAppointmentSyncTests(SandboxAppFactory factory) : IDisposable
{
    private const string SeededIdentifier = "urn:ietf:rfc:3986|urn:uuid:6f1c2a9e-5b1d-4c41-9a51-0d7c3b2e8a11";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        factory.Faults.ClearAll();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task Jens_hospital_appointment_is_merged_into_the_calendar_once_with_its_source_however_often_the_job_runs()
    {
        await RunAsync();
        var second = await RunAsync();

        Assert.Equal((0, 0), (second.Imported, second.Parked));
        await using var db = await factory.CreateDbContextAsync(Ct);
        var jensId = await factory.JensIdAsync(Ct);
        var appointment = Assert.Single(await db.Appointments.AsNoTracking().Where(a => a.ExternalIdentifier == SeededIdentifier).ToListAsync(Ct));
        var hospital = await db.Organisations.AsNoTracking().SingleAsync(o => o.Name == SandboxSeed.HospitalName, Ct);
        Assert.Equal((jensId, hospital.Id, SandboxSeed.HospitalName, AppointmentStatus.Booked),
            (appointment.PatientId, appointment.OrganisationId, appointment.ExternalSource, appointment.Status));
        Assert.Equal("Ambulant kontrol: lungefunktion", appointment.Reason);
        Assert.Contains(appointment.Participants, p => p.Kind == ParticipantKind.Patient && p.Name == "Jens Jensen");
        Assert.True(await db.ImportedItems.AnyAsync(i => i.Service == NationalService.Appointments && i.SourceId == "Appointment/jens-lung-function" && i.PatientId == jensId, Ct));

        var calendar = await CalendarAsync("gp.larsen", jensId, appointment.Start);
        var shown = Assert.Single(calendar, a => a.Id == appointment.Id);
        Assert.Equal(SandboxSeed.HospitalName, shown.ExternalSource);
        Assert.True(shown.IsImported);
    }

    [Fact]
    public async Task The_same_booking_seen_again_under_another_resource_changes_the_one_appointment_and_reaches_the_open_calendar()
    {
        var jensId = await factory.JensIdAsync(Ct);
        var identifier = "urn:uuid:" + Guid.NewGuid();
        var start = Hour(daysAhead: 10);
        Place(Booking(identifier, start, Appointment.AppointmentStatus.Booked));
        await RunAsync();
        using var probe = new ChangeProbe<bool>(factory.Services.GetRequiredService<IPathwayNotifier>(), jensId, PatientSection.Calendar,
            _ => Task.FromResult(true), c => c.ByUserId);

        Place(Booking(identifier, start.AddDays(2), Appointment.AppointmentStatus.Cancelled));
        await RunAsync();
        await RunAsync();

        await probe.ArrivalAsync(SystemActor.NationalSync.UserId, Ct);
        await using var db = await factory.CreateDbContextAsync(Ct);
        var appointment = Assert.Single(await db.Appointments.AsNoTracking().Where(a => a.ExternalIdentifier == "urn:ietf:rfc:3986|" + identifier).ToListAsync(Ct));
        Assert.Equal((start.AddDays(2), AppointmentStatus.Cancelled), (appointment.Start, appointment.Status));
        Assert.Equal(SystemActor.NationalSync.DisplayName, appointment.ChangedBy);
    }

    [Fact]
    public async Task A_new_version_of_the_same_resource_moves_the_appointment_and_an_unchanged_rerun_does_nothing()
    {
        var identifier = "urn:uuid:" + Guid.NewGuid();
        var start = Hour(daysAhead: 12);
        var booking = Booking(identifier, start, Appointment.AppointmentStatus.Booked);
        var id = Place(booking);
        await RunAsync();

        booking.Id = id;
        booking.Start = start.AddHours(3);
        booking.End = start.AddHours(3).AddMinutes(30);
        factory.Sandbox.Place(NationalService.Appointments, booking.ToJson(), DemoDataSeeder.JensCpr);
        var moved = await RunAsync();
        var again = await RunAsync();

        Assert.Equal(1, moved.Imported);
        Assert.Equal(0, again.Imported);
        await using var db = await factory.CreateDbContextAsync(Ct);
        var appointment = Assert.Single(await db.Appointments.AsNoTracking().Where(a => a.ExternalIdentifier == "urn:ietf:rfc:3986|" + identifier).ToListAsync(Ct));
        Assert.Equal(start.AddHours(3), appointment.Start);
        Assert.Single(await db.ImportedItems.AsNoTracking().Where(i => i.Service == NationalService.Appointments && i.SourceId == "Appointment/" + id).ToListAsync(Ct));
    }

    [Fact]
    public async Task An_appointment_without_an_identifier_is_rejected_with_its_reason_and_the_rest_is_imported()
    {
        var bad = Booking(null, Hour(daysAhead: 12), Appointment.AppointmentStatus.Booked);
        var badId = Place(bad);
        var goodIdentifier = "urn:uuid:" + Guid.NewGuid();
        Place(Booking(goodIdentifier, Hour(daysAhead: 13), Appointment.AppointmentStatus.Booked));

        var first = await RunAsync();
        var second = await RunAsync();

        Assert.True(first.Rejected >= 1);
        Assert.Equal(0, second.Rejected);
        await using var db = await factory.CreateDbContextAsync(Ct);
        var rejected = await db.ParkedImports.AsNoTracking().SingleAsync(p => p.Service == NationalService.Appointments && p.SourceId == "Appointment/" + badId, Ct);
        Assert.Equal(ParkedImportState.Rejected, rejected.State);
        Assert.Equal("The appointment has no identifier to recognise it by.", rejected.Reason);
        Assert.True(await db.Appointments.AnyAsync(a => a.ExternalIdentifier == "urn:ietf:rfc:3986|" + goodIdentifier, Ct));
    }

    [Fact]
    public async Task An_imported_appointment_cannot_be_changed_or_cancelled_here_and_says_why()
    {
        var identifier = "urn:uuid:" + Guid.NewGuid();
        Place(Booking(identifier, Hour(daysAhead: 15), Appointment.AppointmentStatus.Booked));
        await RunAsync();
        var jensId = await factory.JensIdAsync(Ct);
        Domain.Calendar.Appointment appointment;
        await using (var db = await factory.CreateDbContextAsync(Ct))
            appointment = await db.Appointments.AsNoTracking().SingleAsync(a => a.ExternalIdentifier == "urn:ietf:rfc:3986|" + identifier, Ct);
        var gp = await factory.ActorAsync("gp.larsen", Ct);
        using var scope = factory.Services.CreateScope();
        var service = scope.ServiceProvider.GetRequiredService<AppointmentService>();

        var cancel = await Assert.ThrowsAsync<DomainException>(() =>
            service.CancelAsync(gp, jensId, appointment.Id, appointment.Version, "Ill", SeriesScope.ThisOccurrence, Ct));

        Assert.Equal("This appointment is {0}'s booking, shared through the national appointments service; it can only be changed there.", cancel.Template);
        await using var after = await factory.CreateDbContextAsync(Ct);
        Assert.Equal(AppointmentStatus.Booked, (await after.Appointments.AsNoTracking().SingleAsync(a => a.Id == appointment.Id, Ct)).Status);
    }

    private async Task<IReadOnlyList<AppointmentView>> CalendarAsync(string userName, Guid patientId, DateTimeOffset around)
    {
        using var scope = factory.Services.CreateScope();
        var day = CopenhagenTime.DateOf(around);
        var view = await scope.ServiceProvider.GetRequiredService<AppointmentService>()
            .GetAsync(await factory.ActorAsync(userName, Ct), patientId, day.AddDays(-1), day.AddDays(1), Ct);
        return view.Appointments;
    }

    private async Task<SyncCounts> RunAsync()
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<SharedAppointmentSyncJob>().RunAsync(Ct);
    }

    private static DateTimeOffset Hour(int daysAhead)
    {
        var now = DateTimeOffset.UtcNow;
        return new DateTimeOffset(now.Year, now.Month, now.Day, 9, 0, 0, TimeSpan.Zero).AddDays(daysAhead);
    }

    private string Place(Appointment appointment)
    {
        appointment.Id = "test-" + Guid.NewGuid().ToString("N");
        factory.Sandbox.Place(NationalService.Appointments, appointment.ToJson(), DemoDataSeeder.JensCpr);
        return appointment.Id;
    }

    private static Appointment Booking(string? identifier, DateTimeOffset start, Appointment.AppointmentStatus status) => new()
    {
        Identifier = identifier is null ? [] : [new Identifier("urn:ietf:rfc:3986", identifier)],
        Status = status,
        Description = "Ambulant kontrol",
        Start = start,
        End = start.AddMinutes(30),
        Participant =
        [
            new Appointment.ParticipantComponent
            {
                Actor = new ResourceReference { Identifier = new Identifier(DkIdentifiers.Cpr, DemoDataSeeder.JensCpr) },
                Status = Hl7.Fhir.Model.ParticipationStatus.Accepted,
            },
            new Appointment.ParticipantComponent
            {
                Actor = new ResourceReference { Identifier = new Identifier(DkIdentifiers.Sor, DemoOrganisations.HospitalSor) },
                Status = Hl7.Fhir.Model.ParticipationStatus.Accepted,
            },
        ],
    };
}

public sealed class SharedAppointmentSyncTests_Sqlite(SandboxSqliteAppFactory factory)
    : SharedAppointmentSyncTests(factory), IClassFixture<SandboxSqliteAppFactory>;

public sealed class SharedAppointmentSyncTests_PostgreSql(SandboxPostgreSqlAppFactory factory)
    : SharedAppointmentSyncTests(factory), IClassFixture<SandboxPostgreSqlAppFactory>;
