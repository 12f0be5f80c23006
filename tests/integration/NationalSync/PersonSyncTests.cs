using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Common;
using CareWorkspace.Domain.NationalSync;
using CareWorkspace.Infrastructure.Demo;
using CareWorkspace.Infrastructure.NationalServices;
using CareWorkspace.Infrastructure.NationalServices.Sandbox;
using CareWorkspace.Infrastructure.NationalServices.Sync;
using CareWorkspace.Infrastructure.Realtime;
using CareWorkspace.IntegrationTests.Infrastructure;
using CareWorkspace.Web.Features.Patients;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Task = System.Threading.Tasks.Task;

namespace CareWorkspace.IntegrationTests.NationalSync;

/// <summary>
/// The person-register sync on the real database, over HTTP against the sandbox: master data follows the register,
/// a protected citizen's address is no longer shown to staff, nothing is asked twice within the refresh age, open
/// pathways hear of a change, and a register that is down fails the run without writing anything.
/// </summary>
public abstract class PersonSyncTests(SandboxAppFactory factory) : IDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        factory.Faults.ClearAll();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task A_protected_citizen_s_address_is_hidden_from_the_nurse_after_the_sync_and_nobody_is_asked_twice()
    {
        var protectedId = await PatientIdAsync(ProtectedCpr());

        await RunAsync();
        var again = await RunAsync();

        Assert.Equal(0, again.Read);
        await using var db = await factory.CreateDbContextAsync(Ct);
        var citizen = await db.Patients.AsNoTracking().SingleAsync(p => p.Id == protectedId, Ct);
        Assert.True(citizen.NameAndAddressProtected);
        Assert.NotNull(citizen.RegisterCheckedAt);
        var overview = await OverviewAsync("nurse.holm", protectedId);
        Assert.Null(overview.Address);
        Assert.True(overview.AddressProtected);
        Assert.Equal("Egon Krogh", overview.Name);
        var listed = await DirectoryCityAsync("nurse.holm", "Krogh");
        Assert.Null(listed);
    }

    [Fact]
    public async Task A_new_address_in_the_register_reaches_Jens_open_pathway()
    {
        var jensId = await factory.JensIdAsync(Ct);
        await RunAsync();
        factory.Sandbox.Place(NationalService.Person, new Patient
        {
            Id = "jens",
            Identifier = [new Identifier(DkIdentifiers.Cpr, DemoDataSeeder.JensCpr)],
            Name = [new HumanName { Use = HumanName.NameUse.Official, Family = "Jensen", Given = ["Jens"] }],
            Address = [new Address { Line = ["Havnegade 3"], PostalCode = "2900", City = "Havby", Country = "DK" }],
        }.ToJson(), DemoDataSeeder.JensCpr);
        await MakeDueAsync(jensId);
        using var probe = new ChangeProbe<bool>(factory.Services.GetRequiredService<IPathwayNotifier>(), jensId, PatientSection.MasterData,
            _ => Task.FromResult(true), c => c.ByUserId);

        var counts = await RunAsync();

        Assert.Equal(1, counts.Imported);
        await probe.ArrivalAsync(SystemActor.NationalSync.UserId, Ct);
        Assert.Equal("Havnegade 3, 2900 Havby", (await OverviewAsync("gp.larsen", jensId)).Address);
        await using var db = await factory.CreateDbContextAsync(Ct);
        Assert.True(await db.ImportedItems.AnyAsync(i => i.Service == NationalService.Person && i.PatientId == jensId, Ct));
        Assert.True(await db.AccessRecords.AnyAsync(r => r.PatientId == jensId && r.UserId == SystemActor.NationalSync.UserId
            && r.Section == PatientSection.MasterData && r.Action == AccessAction.Update, Ct));
    }

    [Fact]
    public async Task A_register_that_is_down_fails_the_run_and_writes_nothing()
    {
        var jensId = await factory.JensIdAsync(Ct);
        await RunAsync();
        var before = await MakeDueAsync(jensId);
        factory.Faults.Set(NationalService.Person, SandboxFault.ServerError);

        await Assert.ThrowsAsync<NationalServiceException>(RunAsync);

        await using var db = await factory.CreateDbContextAsync(Ct);
        Assert.Equal(before, (await db.Patients.AsNoTracking().SingleAsync(p => p.Id == jensId, Ct)).RegisterCheckedAt);
        var state = await db.SyncStates.AsNoTracking().SingleAsync(s => s.Service == NationalService.Person, Ct);
        Assert.Contains("HTTP 500", state.LastError, StringComparison.Ordinal);
    }

    private static string ProtectedCpr() =>
        DemoTriage.CprOf(DemoTriage.ProtectedCitizen, CopenhagenTime.DateOf(DateTimeOffset.UtcNow)).Value;

    private async Task<Guid> PatientIdAsync(string cpr)
    {
        await using var db = await factory.CreateDbContextAsync(Ct);
        return (await db.Patients.AsNoTracking().Select(p => new { p.Id, p.Cpr }).ToListAsync(Ct)).Single(p => p.Cpr.Value == cpr).Id;
    }

    /// <summary>Puts the patient's last asking back beyond the refresh age; returns the time written.</summary>
    private async Task<DateTimeOffset> MakeDueAsync(Guid patientId)
    {
        var now = DateTimeOffset.UtcNow;
        var longAgo = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, now.Second, TimeSpan.Zero).AddDays(-3);
        await using var db = await factory.CreateDbContextAsync(Ct);
        var patient = await db.Patients.SingleAsync(p => p.Id == patientId, Ct);
        patient.RegisterChecked(longAgo);
        await db.SaveChangesAsync(Ct);
        return longAgo;
    }

    private async Task<PatientOverview> OverviewAsync(string userName, Guid patientId)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<PatientOverviewService>().GetAsync(await factory.ActorAsync(userName, Ct), patientId, Ct);
    }

    private async Task<string?> DirectoryCityAsync(string userName, string term)
    {
        using var scope = factory.Services.CreateScope();
        var page = await scope.ServiceProvider.GetRequiredService<PatientDirectoryService>().SearchAsync(await factory.ActorAsync(userName, Ct), term, 0, 20, Ct);
        return page.Items.Single(i => i.Name.EndsWith("Krogh", StringComparison.Ordinal)).City;
    }

    private async Task<SyncCounts> RunAsync()
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<PersonSyncJob>().RunAsync(Ct);
    }
}

public sealed class PersonSyncTests_Sqlite(RoomySandboxSqliteAppFactory factory) : PersonSyncTests(factory), IClassFixture<RoomySandboxSqliteAppFactory>;

public sealed class PersonSyncTests_PostgreSql(RoomySandboxPostgreSqlAppFactory factory) : PersonSyncTests(factory), IClassFixture<RoomySandboxPostgreSqlAppFactory>;
