using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.NationalSync;
using CareWorkspace.Domain.Organisations;
using CareWorkspace.Infrastructure.Demo;
using CareWorkspace.Infrastructure.NationalServices;
using CareWorkspace.Infrastructure.NationalServices.Sandbox;
using CareWorkspace.Infrastructure.NationalServices.Sync;
using CareWorkspace.Infrastructure.Realtime;
using CareWorkspace.IntegrationTests.Infrastructure;
using CareWorkspace.Web.Features.CareTeam;
using Hl7.Fhir.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareWorkspace.IntegrationTests.NationalSync;

/// <summary>
/// The organisation-register (SOR) sync on the real database, over HTTP against the sandbox: master data follows SOR,
/// a second run changes nothing, a register that is down is recorded as the run's error with nothing lost, an
/// invalid Organization is refused with its reason while the others are taken, and the care team shows SOR's phone.
/// </summary>
public abstract class OrganisationSyncTests(SandboxAppFactory factory) : IDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        factory.Faults.ClearAll();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task A_run_takes_the_register_s_name_address_and_phone_and_a_second_run_changes_nothing()
    {
        var placed = factory.Sandbox.Place(NationalService.Organisation, SandboxOrganisations.Organisation("havby-genoptraening", DemoOrganisations.RehabSor,
            "Havby Kommune, Genoptræning og Rehabilitering", "Genoptræning", "Sundhedshuset, Idrætsvej 7", "2900", "Havby", "+45 39 98 42 60", null).ToJson());

        var first = await RunAsync();

        Assert.True(first.Imported >= 1);
        Assert.True(first.Read >= DemoOrganisations.Create().Count);
        var rehab = await OrganisationAsync(DemoOrganisations.RehabSor);
        Assert.Equal("Havby Kommune, Genoptræning og Rehabilitering", rehab.Name);
        Assert.Equal("Sundhedshuset, Idrætsvej 7, 2900 Havby", rehab.Address!.ToString());
        Assert.Equal(("+45 39 98 42 60", "Genoptræning", SorStatus.Active), (rehab.Phone, rehab.Kind, rehab.SorStatus));
        Assert.NotNull(rehab.SorCheckedAt);
        var hospital = await OrganisationAsync(DemoOrganisations.HospitalSor);
        Assert.Equal((SandboxSeed.HospitalName, SandboxOrganisations.HospitalPhone), (hospital.Name, hospital.Phone));
        await using (var db = await factory.CreateDbContextAsync(Ct))
        {
            var provenance = await db.ImportedItems.AsNoTracking()
                .SingleAsync(i => i.Service == NationalService.Organisation && i.SourceId == "Organization/havby-genoptraening", Ct);
            Assert.Equal(placed.Version.ToString(System.Globalization.CultureInfo.InvariantCulture), provenance.Version);
            Assert.Null(provenance.PatientId);
        }
        var before = await MasterDataAsync();

        var second = await RunAsync();

        Assert.Equal(0, second.Imported);
        Assert.Equal(first.Read, second.Read);
        Assert.Equal(before, await MasterDataAsync());
    }

    [Fact]
    public async Task A_register_that_is_down_is_the_run_s_error_and_nothing_is_lost()
    {
        await RunAsync();
        var before = await MasterDataAsync();
        factory.Faults.Set(NationalService.Organisation, SandboxFault.ServerError);

        await Assert.ThrowsAsync<NationalServiceException>(RunAsync);

        Assert.Equal(before, await MasterDataAsync());
        Assert.Contains(before, o => o.Sor == DemoOrganisations.GpClinicSor && o.Phone == "+45 98 76 54 32");
        await using var db = await factory.CreateDbContextAsync(Ct);
        var state = await db.SyncStates.AsNoTracking().SingleAsync(s => s.Service == NationalService.Organisation, Ct);
        Assert.Contains("HTTP 500", state.LastError, StringComparison.Ordinal);
        Assert.NotNull(state.LastErrorAt);
    }

    [Fact]
    public async Task An_invalid_Organization_is_refused_with_its_reason_and_the_others_are_taken()
    {
        await RunAsync();
        var homeCareBefore = (await MasterDataAsync()).Single(o => o.Sor == DemoOrganisations.OtherHomeCareSor);
        // "active" must be a boolean: the strict parser refuses the whole resource.
        factory.Sandbox.Place(NationalService.Organisation, $$"""
            {"resourceType":"Organization","id":"skovlund-hjemmepleje","active":"ja",
             "identifier":[{"system":"{{DkIdentifiers.Sor}}","value":"{{DemoOrganisations.OtherHomeCareSor}}"}],
             "name":"Skovlund Kommune, Hjemmeplejen Nord","telecom":[{"system":"phone","value":"+45 76 94 99 99"}]}
            """);
        factory.Sandbox.Place(NationalService.Organisation, SandboxOrganisations.Organisation("skovlund-kommune", DemoOrganisations.OtherMunicipalitySor,
            "Skovlund Kommune", "Kommune", "Torvet 3", "6823", "Skovlund", "+45 76 94 10 10", null).ToJson());
        var unknownSor = "100000000099" + Random.Shared.Next(100, 999);
        await using (var db = await factory.CreateDbContextAsync(Ct))
        {
            db.Organisations.Add(new Organisation("Klinik uden SOR-registrering", SorCode.Parse(unknownSor), Sector.GeneralPractice));
            await db.SaveChangesAsync(Ct);
        }

        var counts = await RunAsync();
        var again = await RunAsync();

        Assert.True(counts.Rejected >= 2);
        Assert.Equal(counts.Rejected, again.Rejected);
        Assert.Equal("+45 76 94 10 10", (await OrganisationAsync(DemoOrganisations.OtherMunicipalitySor)).Phone);
        Assert.Equal(homeCareBefore, (await MasterDataAsync()).Single(o => o.Sor == DemoOrganisations.OtherHomeCareSor));
        Assert.Equal(SorStatus.NotInRegister, (await OrganisationAsync(unknownSor)).SorStatus);
        await using var check = await factory.CreateDbContextAsync(Ct);
        var refused = await check.ParkedImports.AsNoTracking()
            .Where(p => p.Service == NationalService.Organisation && p.SourceId == "Organization/skovlund-hjemmepleje").ToListAsync(Ct);
        var kept = Assert.Single(refused);
        Assert.Equal(ParkedImportState.Rejected, kept.State);
        Assert.Contains("active", kept.Reason, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Hjemmeplejen Nord", kept.Payload, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Jens_care_team_shows_the_home_care_s_new_phone_from_SOR_with_the_time_it_was_checked()
    {
        factory.Sandbox.Place(NationalService.Organisation, SandboxOrganisations.Organisation("havby-hjemmepleje", DemoOrganisations.HomeCareSor,
            SandboxSeed.HomeCareName, "Hjemmepleje", "Plejevej 2", "2900", "Havby", "+45 39 98 41 41", null).ToJson());
        var started = factory.Services.GetRequiredService<TimeProvider>().GetUtcNow();

        await RunAsync();

        using var scope = factory.Services.CreateScope();
        var view = await scope.ServiceProvider.GetRequiredService<CareTeamService>().GetAsync(await factory.ActorAsync("gp.larsen", Ct), await factory.JensIdAsync(Ct), Ct);
        var homeCare = view.Members.Single(m => m.OrganisationName == SandboxSeed.HomeCareName).Contact!;
        Assert.Equal(("+45 39 98 41 41", "Plejevej 2, 2900 Havby", SorStatus.Active), (homeCare.Phone, homeCare.Address, homeCare.Status));
        Assert.True(homeCare.CheckedAt >= started);
        var hospital = view.Members.Single(m => m.OrganisationName == SandboxSeed.HospitalName).Contact!;
        Assert.Equal(SandboxOrganisations.HospitalPhone, hospital.Phone);
    }

    [Fact]
    public async Task A_changed_organisation_reaches_Jens_open_care_team_live_and_the_look_is_in_his_access_log()
    {
        var phone = $"+45 39 98 {Random.Shared.Next(50, 99)} {Random.Shared.Next(10, 99)}";
        await RunAsync();
        factory.Sandbox.Place(NationalService.Organisation, SandboxOrganisations.Organisation("havby-hjemmepleje", DemoOrganisations.HomeCareSor,
            SandboxSeed.HomeCareName, "Hjemmepleje", "Plejevej 2", "2900", "Havby", phone, null).ToJson());
        var jensId = await factory.JensIdAsync(Ct);
        var homeCareId = (await OrganisationAsync(DemoOrganisations.HomeCareSor)).Id;
        var gp = await factory.ActorAsync("gp.larsen", Ct);
        var started = factory.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        // The probe runs on the notifier's thread, where this test's context is not current.
        var ct = Ct;
        using var probe = new ChangeProbe<string?>(factory.Services.GetRequiredService<IPathwayNotifier>(), jensId, PatientSection.CareTeam, async _ =>
        {
            using var scope = factory.Services.CreateScope();
            var view = await scope.ServiceProvider.GetRequiredService<CareTeamService>().GetAsync(gp, jensId, ct);
            return view.Members.First(m => m.OrganisationName == SandboxSeed.HomeCareName).Contact!.Phone;
        });

        await RunAsync();

        var (change, shown) = await probe.ArrivalAsync(homeCareId.ToString(), Ct);
        Assert.Equal(phone, shown);
        Assert.Equal(SystemActor.NationalSync.UserId, change.ByUserId);
        Assert.Contains(AudienceKey.ForOrganisation(homeCareId), change.SeenBy!);
        await using var db = await factory.CreateDbContextAsync(Ct);
        Assert.True(await db.AccessRecords.AnyAsync(r => r.PatientId == jensId && r.UserId == SystemActor.NationalSync.UserId
            && r.Section == PatientSection.CareTeam && r.Action == AccessAction.Read && r.At >= started, Ct));
    }

    private sealed record MasterData(string Sor, string Name, string? Address, string? Phone, string? Kind, SorStatus Status);

    private async Task<List<MasterData>> MasterDataAsync()
    {
        await using var db = await factory.CreateDbContextAsync(Ct);
        return [.. (await db.Organisations.AsNoTracking().ToListAsync(Ct))
            .Select(o => new MasterData(o.Sor.Value, o.Name, o.Address?.ToString(), o.Phone, o.Kind, o.SorStatus))
            .OrderBy(o => o.Sor, StringComparer.Ordinal)];
    }

    private async Task<Organisation> OrganisationAsync(string sor)
    {
        await using var db = await factory.CreateDbContextAsync(Ct);
        return (await db.Organisations.AsNoTracking().ToListAsync(Ct)).Single(o => o.Sor.Value == sor);
    }

    private async Task<SyncCounts> RunAsync()
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<OrganisationSyncJob>().RunAsync(Ct);
    }
}

public sealed class OrganisationSyncTests_Sqlite(RoomySandboxSqliteAppFactory factory) : OrganisationSyncTests(factory), IClassFixture<RoomySandboxSqliteAppFactory>;

public sealed class OrganisationSyncTests_PostgreSql(RoomySandboxPostgreSqlAppFactory factory) : OrganisationSyncTests(factory), IClassFixture<RoomySandboxPostgreSqlAppFactory>;
