using CareWorkspace.Domain.NationalSync;
using CareWorkspace.Domain.Organisations;
using CareWorkspace.Domain.Patients;
using CareWorkspace.Infrastructure.Demo;
using CareWorkspace.Infrastructure.NationalServices;
using CareWorkspace.Infrastructure.NationalServices.Sandbox;
using CareWorkspace.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace CareWorkspace.IntegrationTests.NationalSync;

/// <summary>
/// The national-service adapters over HTTP against the sandbox: what they read, and each way a service can fail
/// (down, slow beyond the timeout, HTTP 500, malformed JSON, an invalid resource among good ones, a next link to
/// another host, an oversized body), each refused with a clear reason.
/// </summary>
public sealed class AdapterTests(SandboxSqliteAppFactory factory) : IClassFixture<SandboxSqliteAppFactory>, IDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private T Adapter<T>() where T : notnull => factory.Services.GetRequiredService<T>();

    public void Dispose() => factory.Faults.ClearAll();

    [Fact]
    public async Task The_person_register_finds_Jens_by_CPR()
    {
        var person = await Adapter<IPersonRegister>().FindByCprAsync(JensCpr, Ct);

        Assert.NotNull(person);
        Assert.Equal(("Jens", "Jensen", "Strandvejen 12", "Havby"), (person.GivenName, person.FamilyName, person.AddressLine, person.City));
        Assert.False(person.NameAndAddressProtected);
        Assert.Equal("Patient/jens", person.Provenance.SourceId);
    }

    [Fact]
    public async Task The_organisation_register_finds_the_hospital_by_SOR_and_knows_nothing_of_an_unknown_code()
    {
        var hospital = await Adapter<IOrganisationRegister>().LookUpAsync(SorCode.Parse(DemoOrganisations.HospitalSor), Ct);
        var unknown = await Adapter<IOrganisationRegister>().LookUpAsync(SorCode.Parse("999999999999999"), Ct);

        Assert.Equal((SandboxSeed.HospitalName, "+45 70 11 22 33"), (hospital.Found!.Name, hospital.Found.Phone));
        Assert.Equal("Organization/hospital", hospital.Provenance!.SourceId);
        Assert.Equal(OrganisationLookup.NotFound, unknown);
    }

    [Fact]
    public async Task Hospital_notifications_are_read_through_every_next_link_a_page_at_a_time()
    {
        var reader = factory.Services.GetRequiredService<NationalServiceClients>().ReaderFor(NationalService.HospitalNotifications);

        var pages = await ToListAsync(reader.SearchAsync("Bundle?_count=1", Ct));
        var all = await ToListAsync(Adapter<IHospitalNotifications>().ChangedSinceAsync(null, Ct));

        Assert.True(pages.Count >= 2);
        Assert.All(pages, p => Assert.True(p.Entries.Count + p.Rejected.Count <= 1));
        var kinds = all.SelectMany(p => p.Items).Where(i => i.Item.Cpr == JensCpr).Select(i => i.Item.Kind).ToList();
        Assert.Contains(HospitalNotificationKind.Admission, kinds);
        Assert.Contains(HospitalNotificationKind.Discharge, kinds);
    }

    [Theory]
    [InlineData(SandboxFault.Down, NationalServiceFailure.Unreachable)]
    [InlineData(SandboxFault.Slow, NationalServiceFailure.Timeout)]
    [InlineData(SandboxFault.ServerError, NationalServiceFailure.ServerError)]
    [InlineData(SandboxFault.Malformed, NationalServiceFailure.Malformed)]
    [InlineData(SandboxFault.ForeignNextLink, NationalServiceFailure.ForeignNextLink)]
    public async Task A_failing_service_is_refused_with_its_reason(SandboxFault fault, NationalServiceFailure expected)
    {
        factory.Faults.SlowDelay = TimeSpan.FromSeconds(20);
        factory.Faults.Set(NationalService.Measurements, fault);
        var reader = factory.Services.GetRequiredService<NationalServiceClients>().ReaderFor(NationalService.Measurements);

        var failure = await Assert.ThrowsAsync<NationalServiceException>(() => ToListAsync(reader.SearchAsync("Observation?_count=2", Ct)));

        Assert.Equal(expected, failure.Failure);
        Assert.StartsWith("Measurements: ", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failing_service_leaves_the_other_services_working()
    {
        factory.Faults.Set(NationalService.HospitalNotifications, SandboxFault.ServerError);

        await Assert.ThrowsAsync<NationalServiceException>(() => ToListAsync(Adapter<IHospitalNotifications>().ChangedSinceAsync(null, Ct)));
        Assert.NotNull(await Adapter<IPersonRegister>().FindByCprAsync(JensCpr, Ct));
    }

    [Fact]
    public async Task An_invalid_resource_in_an_otherwise_good_Bundle_is_rejected_with_its_reason_and_the_rest_is_read()
    {
        var r5 = File.ReadAllText(Path.Combine(NationalExamplesFolder, "dk-ehealth-ig-api", "Appointment-noid-POST_Group_Appointment-0.json"));
        var placed = factory.Sandbox.Place(NationalService.Appointments, r5);

        var pages = await ToListAsync(Adapter<ISharedAppointments>().ChangedSinceAsync(null, Ct));

        var rejected = Assert.Single(pages.SelectMany(p => p.Rejected), r => r.SourceId == $"Appointment/{placed.Id}");
        Assert.StartsWith("Not valid FHIR R4:", rejected.Reason, StringComparison.Ordinal);
        Assert.Contains("reason", rejected.Reason, StringComparison.Ordinal);
        Assert.Contains("\"reason\"", rejected.Json, StringComparison.Ordinal);
        var good = Assert.Single(pages.SelectMany(p => p.Items), i => i.Provenance.SourceId == "Appointment/jens-lung-function");
        Assert.Equal(JensCpr, good.Item.Cpr);
        Assert.Equal(SorCode.Parse(DemoOrganisations.HospitalSor), good.Item.OrganisationSor);
    }

    [Fact]
    public async Task A_body_bigger_than_allowed_is_refused()
    {
        var endpoints = factory.Services.GetRequiredService<NationalServiceEndpoints>();
        var http = factory.Services.GetRequiredService<IHttpClientFactory>().CreateClient(NationalServiceClients.ClientName(NationalService.Measurements));
        var reader = new FhirSearchReader(http, NationalService.Measurements, endpoints.BaseUrlOf(NationalService.Measurements)!, maxBodyBytes: 2048,
            NullLogger.Instance);

        var failure = await Assert.ThrowsAsync<NationalServiceException>(() => reader.ReadPageAsync(reader.Url("Observation?_count=20"), Ct));

        Assert.Equal(NationalServiceFailure.TooLarge, failure.Failure);
        Assert.Contains("2048 bytes allowed", failure.Message, StringComparison.Ordinal);
    }

    private static Cpr JensCpr => Cpr.Parse(DemoDataSeeder.JensCpr, new DateOnly(2026, 11, 29));

    private static string NationalExamplesFolder
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "CareWorkspace.sln")))
                    return Path.GetFullPath(Path.Combine(dir.FullName, "tests", "national-examples"));
            }
            throw new DirectoryNotFoundException("CareWorkspace.sln not found above the test assembly.");
        }
    }

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
            list.Add(item);
        return list;
    }
}
