using System.Globalization;
using System.Text.Json.Nodes;
using CareWorkspace.Domain.NationalSync;
using CareWorkspace.Infrastructure.Demo;
using CareWorkspace.Infrastructure.NationalServices;
using CareWorkspace.Infrastructure.NationalServices.Sandbox;
using CareWorkspace.Infrastructure.NationalServices.Sync;
using CareWorkspace.Infrastructure.Persistence;
using CareWorkspace.IntegrationTests.Infrastructure;
using Hl7.Fhir.Serialization;
using Microsoft.Extensions.DependencyInjection;
using Identifier = Hl7.Fhir.Model.Identifier;
using MedicationStatement = Hl7.Fhir.Model.MedicationStatement;
using ResourceReference = Hl7.Fhir.Model.ResourceReference;

namespace CareWorkspace.IntegrationTests.NationalSync.Interop;

/// <summary>
/// The refresh of one patient when their pathway is opened, against Medplum's FHIR server and against the sandbox: the
/// patient by CPR first (<c>Patient?identifier=…</c>), then their medication and home measurements by
/// <c>patient=Patient/{id}</c> (Medplum answers no chained search through an identifier). Its own class, with its own
/// Medplum and databases: a refresh imports what the recurring-sync comparisons of <see cref="MedplumInteropTests"/>
/// expect to import themselves.
/// </summary>
public abstract class MedplumRefreshInteropTests(MedplumInterop medplum, SandboxAppFactory sandbox)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_refresh_of_one_patient_imports_the_same_from_Medplum_as_from_the_sandbox()
    {
        var marker = PathwayTestData.Unique();
        var jens = new ResourceReference("Patient/jens") { Identifier = new Identifier(DkIdentifiers.Cpr, DemoDataSeeder.JensCpr) };
        sandbox.Sandbox.Place(NationalService.Medication, SandboxMedications.Statement($"refresh-{marker}", jens,
            SandboxMedications.Drug("C10AA05", $"Atorvastatin {marker}", "tabletter", 20m, "mg", null), "1 tablet om aftenen", asNeeded: false,
            "Oral anvendelse", "forebyggelse", new DateOnly(2026, 1, 1), null, MedicationStatement.MedicationStatusCodes.Active,
            new ResourceReference { Display = "Egen læge" }).ToJson(), DemoDataSeeder.JensCpr);
        var pulse = JsonNode.Parse(sandbox.Sandbox.All(NationalService.Measurements, "Observation").First(o => o.Id.StartsWith("jens-pulse-", StringComparison.Ordinal)).Json)!;
        pulse["id"] = $"jens-pulse-refresh-{marker}";
        pulse["effectiveDateTime"] = DateTimeOffset.UtcNow.AddMinutes(-30).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        pulse["valueQuantity"]!["value"] = 71;
        sandbox.Sandbox.Place(NationalService.Measurements, pulse.ToJsonString(), DemoDataSeeder.JensCpr);
        await medplum.Medplum.LoadAsync(sandbox.Sandbox.All(NationalService.Person, "Patient"), Ct);
        await medplum.Medplum.LoadAsync([.. sandbox.Sandbox.All(NationalService.Medication, "MedicationStatement"),
            .. sandbox.Sandbox.All(NationalService.Medication, "MedicationRequest"), .. sandbox.Sandbox.All(NationalService.Measurements, "Observation")], Ct);

        var medication = await RefreshJensInBothAsync<MedicationSyncJob>(NationalService.Medication, MedplumInteropTests.MedicationAsync);
        var measurements = await RefreshJensInBothAsync<MeasurementSyncJob>(NationalService.Measurements, MedplumInteropTests.MeasurementsAsync);

        Assert.Contains(medication.FromMedplum, m => m.Contains($"Atorvastatin {marker}", StringComparison.Ordinal));
        Assert.Contains(medication.FromMedplum, m => m.Contains("Spiriva Respimat", StringComparison.Ordinal));
        Assert.Equal(medication.FromSandbox, medication.FromMedplum);
        Assert.Contains(measurements.FromMedplum, m => m.Contains("|8867-4 ", StringComparison.Ordinal) && m.Contains(" 71", StringComparison.Ordinal));
        Assert.Equal(measurements.FromSandbox, measurements.FromMedplum);
    }

    /// <summary>
    /// Refreshes Jens from the sandbox and from Medplum as opening his pathway does: the same counts, something imported,
    /// nothing kept for another try; returns what each holds of his afterwards, with the items not imported.
    /// </summary>
    private async Task<(IReadOnlyList<string> FromSandbox, IReadOnlyList<string> FromMedplum)> RefreshJensInBothAsync<TJob>(
        NationalService service, Func<CareDbContext, Task<List<string>>> read)
        where TJob : IPatientSync
    {
        var viaSandbox = await RefreshJensAsync<TJob>(sandbox);
        var viaMedplum = await RefreshJensAsync<TJob>(medplum.App);
        Assert.True(viaMedplum.Imported > 0, $"the refresh imported Jens' {service} from Medplum");
        Assert.Equal(0, viaMedplum.Parked);
        Assert.Equal(viaSandbox, viaMedplum);
        Task<List<string>> ReadJens(CareDbContext db) => JensOnlyAsync(db, service, read);
        return (await MedplumInteropTests.ReadAsync(sandbox, ReadJens), await MedplumInteropTests.ReadAsync(medplum.App, ReadJens));
    }

    private static async Task<SyncCounts> RefreshJensAsync<TJob>(CareAppFactory app)
        where TJob : IPatientSync
    {
        var jensId = await app.JensIdAsync(Ct);
        var cpr = Domain.Patients.Cpr.Parse(DemoDataSeeder.JensCpr, Domain.Common.CopenhagenTime.Today(TimeProvider.System));
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<TJob>().RefreshPatientAsync(jensId, cpr, Ct);
    }

    private static async Task<List<string>> JensOnlyAsync(CareDbContext db, NationalService service, Func<CareDbContext, Task<List<string>>> read) =>
        [.. (await MedplumInteropTests.WithRejectionsAsync(db, service, read)).Where(line => line.StartsWith(DemoDataSeeder.JensCpr + " ", StringComparison.Ordinal)
            || line.StartsWith("rejected ", StringComparison.Ordinal))];
}

public sealed class MedplumRefreshInteropTests_Sqlite(MedplumSqliteInterop medplum, RoomySandboxSqliteAppFactory sandbox)
    : MedplumRefreshInteropTests(medplum, sandbox), IClassFixture<MedplumSqliteInterop>, IClassFixture<RoomySandboxSqliteAppFactory>;

public sealed class MedplumRefreshInteropTests_PostgreSql(MedplumPostgreSqlInterop medplum, RoomySandboxPostgreSqlAppFactory sandbox)
    : MedplumRefreshInteropTests(medplum, sandbox), IClassFixture<MedplumPostgreSqlInterop>, IClassFixture<RoomySandboxPostgreSqlAppFactory>;
