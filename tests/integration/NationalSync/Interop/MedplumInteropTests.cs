using System.Globalization;
using System.Text.Json.Nodes;
using CareWorkspace.Domain.NationalSync;
using CareWorkspace.Domain.Pathway;
using CareWorkspace.Infrastructure.Demo;
using CareWorkspace.Infrastructure.NationalServices;
using CareWorkspace.Infrastructure.NationalServices.Sandbox;
using CareWorkspace.Infrastructure.NationalServices.Sync;
using CareWorkspace.Infrastructure.Persistence;
using CareWorkspace.IntegrationTests.Infrastructure;
using Hl7.Fhir.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace CareWorkspace.IntegrationTests.NationalSync.Interop;

/// <summary>
/// Interoperability with a FHIR server not written here: for every national service the sync imports, what the sandbox
/// holds is loaded into Medplum's server through its FHIR API, and the same sync job, pointed at Medplum over the
/// network (pages of two, so it follows Medplum's next links), imports the same result as from the sandbox. Where the
/// job reads changes since its watermark, one change made in both afterwards is all the next run imports from either.
/// </summary>
public abstract class MedplumInteropTests(MedplumInterop medplum, SandboxAppFactory sandbox)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_hospital_notification_sync_imports_the_same_from_Medplum_as_from_the_sandbox()
    {
        var now = DateTimeOffset.UtcNow;
        var dischargedAt = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, 0, 0, TimeSpan.Zero).AddHours(-2);
        sandbox.Sandbox.Place(NationalService.HospitalNotifications, SandboxMessages.HospitalNotification("interop-stay", DemoDataSeeder.JensCpr, "Jensen",
            DemoOrganisations.HospitalSor, SandboxSeed.HospitalName, DemoOrganisations.HomeCareSor, SandboxSeed.HomeCareName, dischargedAt.AddDays(-3), dischargedAt),
            DemoDataSeeder.JensCpr);
        sandbox.Sandbox.Place(NationalService.HospitalNotifications, NotAMessage, DemoDataSeeder.JensCpr);
        var loaded = await medplum.Medplum.LoadAsync(sandbox.Sandbox.All(NationalService.HospitalNotifications, "Bundle"), Ct);

        var (fromSandbox, fromMedplum) = await SyncBothAsync<HospitalNotificationSyncJob>(NotificationsAsync, rejected: 1);

        Assert.True(loaded > 2, "more than one page of messages in Medplum");
        Assert.Contains(fromMedplum, e => e.StartsWith($"{DemoDataSeeder.JensCpr} {PathwayEventKind.Discharged} {dischargedAt:O}", StringComparison.Ordinal));
        Assert.Contains(fromMedplum, e => e.StartsWith("item Bundle/interop-stay", StringComparison.Ordinal));
        Assert.Contains(fromMedplum, e => e.StartsWith("task ", StringComparison.Ordinal));
        Assert.Contains("rejected Bundle/interop-not-a-message Rejected A message Bundle must start with its MessageHeader.", fromMedplum);
        Assert.Equal(fromSandbox, fromMedplum);
        Assert.Equal(0, (await RunAsync<HospitalNotificationSyncJob>(medplum.App)).Imported);
    }

    [Fact]
    public async Task The_person_sync_takes_the_same_master_data_from_Medplum_as_from_the_sandbox()
    {
        var jens = JsonNode.Parse(sandbox.Sandbox.Read(NationalService.Person, "Patient", "jens")!.Json)!;
        jens["address"]![0]!["line"]![0] = "Strandvejen 14";
        sandbox.Sandbox.Place(NationalService.Person, jens.ToJsonString(), DemoDataSeeder.JensCpr);
        await medplum.Medplum.LoadAsync(sandbox.Sandbox.All(NationalService.Person, "Patient"), Ct);

        var (fromSandbox, fromMedplum) = await SyncBothAsync<PersonSyncJob>(PatientsAsync);

        Assert.Contains($"{DemoDataSeeder.JensCpr} Jens Jensen Strandvejen 14, 2900 Havby protected False deceased False", fromMedplum);
        Assert.Contains(fromMedplum, p => p.Contains("Egon Krogh", StringComparison.Ordinal) && p.Contains("protected True", StringComparison.Ordinal));
        Assert.Equal(fromSandbox, fromMedplum);
    }

    [Fact]
    public async Task The_organisation_sync_takes_the_same_SOR_data_from_Medplum_as_from_the_sandbox()
    {
        sandbox.Sandbox.Place(NationalService.Organisation, SandboxOrganisations.Organisation("havby-genoptraening", DemoOrganisations.RehabSor,
            "Havby Kommune, Genoptræning og Rehabilitering", "Genoptræning", "Sundhedshuset, Idrætsvej 7", "2900", "Havby", "+45 39 98 42 60", null).ToJson());
        await medplum.Medplum.LoadAsync(sandbox.Sandbox.All(NationalService.Organisation, "Organization"), Ct);

        var (fromSandbox, fromMedplum) = await SyncBothAsync<OrganisationSyncJob>(OrganisationsAsync);

        Assert.Contains($"{DemoOrganisations.RehabSor} Havby Kommune, Genoptræning og Rehabilitering Sundhedshuset, Idrætsvej 7, 2900 Havby +45 39 98 42 60 Genoptræning Active checked True",
            fromMedplum);
        Assert.Equal(fromSandbox, fromMedplum);
    }

    [Fact]
    public async Task The_medication_sync_imports_the_same_from_Medplum_as_from_the_sandbox_and_then_only_what_changed()
    {
        await LoadMedicationAsync();

        var (fromSandbox, fromMedplum) = await SyncBothAsync<MedicationSyncJob>(MedicationAsync);

        Assert.Contains(fromMedplum, m => m.Contains("Spiriva Respimat", StringComparison.Ordinal));
        Assert.Contains(fromMedplum, m => m.Contains("Atorvastatin", StringComparison.Ordinal));
        Assert.Equal(fromSandbox, fromMedplum);

        var salbutamol = JsonNode.Parse(sandbox.Sandbox.Read(NationalService.Medication, "MedicationStatement", SandboxMedications.SalbutamolId)!.Json)!;
        salbutamol["status"] = "on-hold";
        await medplum.Medplum.LoadAsync([sandbox.Sandbox.Place(NationalService.Medication, salbutamol.ToJsonString(), DemoDataSeeder.JensCpr)], Ct);
        var (changedInSandbox, changedInMedplum, read) = await SyncChangeBothAsync<MedicationSyncJob>(MedicationAsync, "MedicationStatement", "MedicationRequest");

        Assert.True(read < fromMedplum.Count, $"not everything read again ({read} read)");
        Assert.Contains(changedInMedplum, m => m.Contains("Airomir", StringComparison.Ordinal) && m.Contains("Paused", StringComparison.Ordinal));
        Assert.Equal(changedInSandbox, changedInMedplum);
    }

    [Fact]
    public async Task The_appointment_sync_imports_the_same_from_Medplum_as_from_the_sandbox_and_then_only_what_changed()
    {
        await medplum.Medplum.LoadAsync(sandbox.Sandbox.All(NationalService.Appointments, "Appointment"), Ct);

        var (fromSandbox, fromMedplum) = await SyncBothAsync<SharedAppointmentSyncJob>(AppointmentsAsync);

        Assert.Contains(fromMedplum, a => a.Contains("Ambulant kontrol: lungefunktion", StringComparison.Ordinal) && a.Contains("Booked", StringComparison.Ordinal));
        Assert.Equal(fromSandbox, fromMedplum);

        var moved = JsonNode.Parse(sandbox.Sandbox.Read(NationalService.Appointments, "Appointment", "jens-lung-function")!.Json)!;
        moved["start"] = Later(moved["start"]!);
        moved["end"] = Later(moved["end"]!);
        await medplum.Medplum.LoadAsync([sandbox.Sandbox.Place(NationalService.Appointments, moved.ToJsonString(), DemoDataSeeder.JensCpr)], Ct);
        var (changedInSandbox, changedInMedplum, _) = await SyncChangeBothAsync<SharedAppointmentSyncJob>(AppointmentsAsync, "Appointment");

        Assert.NotEqual(fromMedplum, changedInMedplum);
        Assert.Equal(changedInSandbox, changedInMedplum);

        static string Later(JsonNode time) => DateTimeOffset.Parse(time.GetValue<string>(), CultureInfo.InvariantCulture).AddDays(1).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task The_measurement_sync_imports_the_same_from_Medplum_as_from_the_sandbox_and_then_only_what_changed()
    {
        var inText = JsonNode.Parse(sandbox.Sandbox.All(NationalService.Measurements, "Observation").First().Json)!;
        inText["id"] = "jens-spo2-in-text";
        inText.AsObject().Remove("valueQuantity");
        inText["valueString"] = "96 %";
        sandbox.Sandbox.Place(NationalService.Measurements, inText.ToJsonString(), DemoDataSeeder.JensCpr);
        var loaded = await medplum.Medplum.LoadAsync(sandbox.Sandbox.All(NationalService.Measurements, "Observation"), Ct);

        var (fromSandbox, fromMedplum) = await SyncBothAsync<MeasurementSyncJob>(MeasurementsAsync, rejected: 1);

        Assert.Contains(fromMedplum, m => m.StartsWith("rejected Observation/jens-spo2-in-text Rejected The observation has no UCUM quantity", StringComparison.Ordinal));
        Assert.Equal(loaded - 1, fromMedplum.Count(m => !m.StartsWith("rejected ", StringComparison.Ordinal)));
        Assert.Equal(fromSandbox, fromMedplum);

        var pulse = JsonNode.Parse(sandbox.Sandbox.All(NationalService.Measurements, "Observation").First(o => o.Id.StartsWith("jens-pulse-", StringComparison.Ordinal)).Json)!;
        pulse["id"] = "jens-pulse-interop";
        pulse["effectiveDateTime"] = DateTimeOffset.UtcNow.AddHours(-1).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        await medplum.Medplum.LoadAsync([sandbox.Sandbox.Place(NationalService.Measurements, pulse.ToJsonString(), DemoDataSeeder.JensCpr)], Ct);
        var (changedInSandbox, changedInMedplum, read) = await SyncChangeBothAsync<MeasurementSyncJob>(MeasurementsAsync, "Observation");

        Assert.True(read < loaded, $"not everything read again ({read} read)");
        Assert.Equal(loaded, changedInMedplum.Count(m => !m.StartsWith("rejected ", StringComparison.Ordinal)));
        Assert.Equal(changedInSandbox, changedInMedplum);
    }

    [Fact]
    public async Task A_next_link_Medplum_writes_under_another_host_is_not_followed()
    {
        await using var elsewhere = MedplumServer.WritingLinksUnder(new Uri("http://medplum.example.org/fhir/R4"));
        await elsewhere.InitializeAsync();
        await elsewhere.LoadAsync(sandbox.Sandbox.All(NationalService.Measurements, "Observation").Take(3), Ct);
        var http = medplum.App.Services.GetRequiredService<IHttpClientFactory>().CreateClient(NationalServiceClients.ClientName(NationalService.Measurements));
        var reader = new FhirSearchReader(http, NationalService.Measurements, elsewhere.BaseUrl, 1_000_000, NullLogger<FhirSearchReader>.Instance);
        var first = await reader.ReadPageAsync(reader.Url("Observation?_sort=_lastUpdated&_count=3"), Ct);

        var failure = await Assert.ThrowsAsync<NationalServiceException>(async () =>
        {
            await foreach (var _ in reader.SearchAsync("Observation?_sort=_lastUpdated&_count=2", Ct))
            {
            }
        });

        Assert.Equal((3, null), (first.Entries.Count, first.Next));
        Assert.Equal(NationalServiceFailure.ForeignNextLink, failure.Failure);
        Assert.Contains("http://medplum.example.org/fhir/R4/Observation?", failure.Message, StringComparison.Ordinal);
    }

    /// <summary>A Bundle where a hospital notification is expected, carrying a Patient where the MessageHeader should be.</summary>
    private const string NotAMessage = """
        {"resourceType":"Bundle","id":"interop-not-a-message","type":"message","entry":[{"fullUrl":"urn:uuid:0c1f2b7e-3d4a-4e5b-8c6d-7e8f9a0b1c2d",
         "resource":{"resourceType":"Patient","identifier":[{"system":"urn:oid:1.2.208.176.1.2","value":"1203521235"}]}}]}
        """;

    private async Task LoadMedicationAsync()
    {
        await medplum.Medplum.LoadAsync(sandbox.Sandbox.All(NationalService.Medication, "MedicationStatement"), Ct);
        await medplum.Medplum.LoadAsync(sandbox.Sandbox.All(NationalService.Medication, "MedicationRequest"), Ct);
    }

    /// <summary>
    /// Runs the job against the sandbox and against Medplum: both import something, reject <paramref name="rejected"/>
    /// (kept with the same reasons) and keep nothing for another try, with the same counts.
    /// </summary>
    private async Task<(IReadOnlyList<string> FromSandbox, IReadOnlyList<string> FromMedplum)> SyncBothAsync<TJob>(
        Func<CareDbContext, Task<List<string>>> read, int rejected = 0)
        where TJob : INationalSync
    {
        var viaSandbox = await RunAsync<TJob>(sandbox);
        var viaMedplum = await RunAsync<TJob>(medplum.App);
        Assert.True(viaMedplum.Imported > 0, "the run imported something from Medplum");
        Assert.Equal((rejected, 0), (viaMedplum.Rejected, viaMedplum.Parked));
        Assert.Equal(viaSandbox, viaMedplum);
        var service = ServiceOf<TJob>(medplum.App);
        Task<List<string>> ReadWithRejections(CareDbContext db) => WithRejectionsAsync(db, service, read);
        return (await ReadAsync(sandbox, ReadWithRejections), await ReadAsync(medplum.App, ReadWithRejections));
    }

    /// <summary>
    /// After one change made in both: each run imports just that change, and from Medplum it read exactly what Medplum
    /// stamped at or after the watermark (<c>ge</c> repeats the edge; Medplum may stamp several loads in one millisecond).
    /// </summary>
    private async Task<(IReadOnlyList<string> FromSandbox, IReadOnlyList<string> FromMedplum, int ReadFromMedplum)> SyncChangeBothAsync<TJob>(
        Func<CareDbContext, Task<List<string>>> read, params string[] types)
        where TJob : INationalSync
    {
        var viaSandbox = await RunAsync<TJob>(sandbox);
        var watermark = await WatermarkAsync<TJob>(medplum.App);
        // Medplum stamps each load; what it stamped at or after the watermark is what a run from the watermark reads.
        var stampedSince = medplum.Medplum.LastUpdated.Count(s => types.Contains(s.Key.Split('/')[0]) && s.Value >= watermark);
        var viaMedplum = await RunAsync<TJob>(medplum.App);
        Assert.Equal(stampedSince, viaMedplum.Read);
        Assert.Equal((1, 0, 0), (viaSandbox.Imported, viaSandbox.Rejected, viaSandbox.Parked));
        Assert.Equal((1, 0, 0), (viaMedplum.Imported, viaMedplum.Rejected, viaMedplum.Parked));
        var service = ServiceOf<TJob>(medplum.App);
        Task<List<string>> ReadWithRejections(CareDbContext db) => WithRejectionsAsync(db, service, read);
        return (await ReadAsync(sandbox, ReadWithRejections), await ReadAsync(medplum.App, ReadWithRejections), viaMedplum.Read);
    }

    private static async Task<SyncCounts> RunAsync<TJob>(CareAppFactory app)
        where TJob : INationalSync
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<TJob>().RunAsync(Ct);
    }

    private static NationalService ServiceOf<TJob>(CareAppFactory app)
        where TJob : INationalSync
    {
        using var scope = app.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<TJob>().Service;
    }

    /// <summary>What <paramref name="read"/> reads, and the service's items not imported with their state and reason.</summary>
    internal static async Task<List<string>> WithRejectionsAsync(CareDbContext db, NationalService service, Func<CareDbContext, Task<List<string>>> read) =>
        [
            .. await read(db),
            .. (await db.ParkedImports.AsNoTracking().Where(p => p.Service == service).ToListAsync(Ct)).Select(p => $"rejected {p.SourceId} {p.State} {p.Reason}"),
        ];

    private static async Task<DateTimeOffset> WatermarkAsync<TJob>(CareAppFactory app)
        where TJob : INationalSync
    {
        var service = ServiceOf<TJob>(app);
        await using var db = await app.CreateDbContextAsync(Ct);
        return (await db.SyncStates.AsNoTracking().SingleAsync(s => s.Service == service, Ct)).Watermark
            ?? throw new InvalidOperationException($"{service} has no watermark after its first run");
    }

    internal static async Task<IReadOnlyList<string>> ReadAsync(CareAppFactory app, Func<CareDbContext, Task<List<string>>> read)
    {
        await using var db = await app.CreateDbContextAsync(Ct);
        return [.. (await read(db)).Order(StringComparer.Ordinal)];
    }

    private static Task<Dictionary<Guid, string>> CprsAsync(CareDbContext db) =>
        db.Patients.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Cpr.Value, Ct);

    private static async Task<List<string>> NotificationsAsync(CareDbContext db)
    {
        var cprs = await CprsAsync(db);
        var items = await db.ImportedItems.AsNoTracking().Where(i => i.Service == NationalService.HospitalNotifications).Select(i => i.SourceId).ToListAsync(Ct);
        var events = await db.PathwayEvents.AsNoTracking().Where(e => e.Kind == PathwayEventKind.Admitted || e.Kind == PathwayEventKind.Discharged).ToListAsync(Ct);
        var tasks = await db.FollowUpTasks.AsNoTracking().ToListAsync(Ct);
        return
        [
            .. items.Select(i => "item " + i),
            .. events.Select(e => $"{cprs[e.PatientId]} {e.Kind} {e.At.ToUniversalTime():O} {e.SourceOrganisationName}"),
            .. tasks.Select(t => $"task {cprs[t.PatientId]} {t.DischargedAt.ToUniversalTime():O} {t.DueBy:O}"),
        ];
    }

    private static async Task<List<string>> PatientsAsync(CareDbContext db) =>
        [.. (await db.Patients.AsNoTracking().ToListAsync(Ct)).Select(p =>
            $"{p.Cpr.Value} {p.GivenName} {p.FamilyName} {p.Address} protected {p.NameAndAddressProtected} deceased {p.Deceased}")];

    private static async Task<List<string>> OrganisationsAsync(CareDbContext db) =>
        [.. (await db.Organisations.AsNoTracking().ToListAsync(Ct)).Select(o =>
            $"{o.Sor.Value} {o.Name} {o.Address} {o.Phone} {o.Kind} {o.SorStatus} checked {o.SorCheckedAt is not null}")];

    internal static async Task<List<string>> MedicationAsync(CareDbContext db)
    {
        var cprs = await CprsAsync(db);
        return [.. (await db.MedicationEntries.AsNoTracking().ToListAsync(Ct)).Select(m =>
            $"{cprs[m.PatientId]} {m.Source} {m.DrugName} | {m.Strength} | {m.Form} | {m.AtcCode} | {m.DoseText} | as needed {m.AsNeeded} | {m.Route} | "
            + $"{m.Indication} | {m.Start} to {m.End} | {m.Status} | {m.Prescriber} | {m.Organisation} | {m.DailyDoseAmount} {m.DailyDoseUnit}")];
    }

    private static async Task<List<string>> AppointmentsAsync(CareDbContext db)
    {
        var cprs = await CprsAsync(db);
        var organisations = await db.Organisations.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Name, Ct);
        return [.. (await db.Appointments.AsNoTracking().Where(a => a.ExternalIdentifier != null).ToListAsync(Ct)).Select(a =>
            $"{a.ExternalIdentifier} {cprs[a.PatientId]} {organisations[a.OrganisationId]} {a.Start.ToUniversalTime():O} {a.End.ToUniversalTime():O} "
            + $"{a.Status} {a.Type} {a.Mode} {a.Reason} {a.ExternalSource} {string.Join(", ", a.Participants.Select(p => $"{p.Kind} {p.Name}").Order(StringComparer.Ordinal))}")];
    }

    internal static async Task<List<string>> MeasurementsAsync(CareDbContext db)
    {
        var cprs = await CprsAsync(db);
        return [.. (await db.HomeMeasurements.AsNoTracking().ToListAsync(Ct)).Select(m =>
            $"{cprs[m.PatientId]} {m.Kind} {m.Code} {m.Name} {m.Value.ToString(CultureInfo.InvariantCulture)} {m.Unit} {m.MeasuredAt.ToUniversalTime():O}")];
    }
}

public sealed class MedplumInteropTests_Sqlite(MedplumSqliteInterop medplum, RoomySandboxSqliteAppFactory sandbox)
    : MedplumInteropTests(medplum, sandbox), IClassFixture<MedplumSqliteInterop>, IClassFixture<RoomySandboxSqliteAppFactory>;

public sealed class MedplumInteropTests_PostgreSql(MedplumPostgreSqlInterop medplum, RoomySandboxPostgreSqlAppFactory sandbox)
    : MedplumInteropTests(medplum, sandbox), IClassFixture<MedplumPostgreSqlInterop>, IClassFixture<RoomySandboxPostgreSqlAppFactory>;
