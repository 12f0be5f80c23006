using System.Net;
using System.Reflection;
using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Common;
using CareWorkspace.Domain.Patients;
using CareWorkspace.Infrastructure.Demo;
using CareWorkspace.Infrastructure.Identity;
using CareWorkspace.IntegrationTests.Infrastructure;
using CareWorkspace.Web.Features.Consents;
using CareWorkspace.Web.Features.Messages;
using CareWorkspace.Web.Features.Pathway;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareWorkspace.IntegrationTests;

/// <summary>
/// Every routable page, endpoint and hub method, found from the endpoint data source and by reflection, is classified
/// here; a new one fails <see cref="Every_page_endpoint_and_hub_method_is_classified"/> until someone decides who may
/// use it. Each classified surface is then called as every role, as relatives with and without consent and with each
/// scope, as the patient, another patient and an unrelated clinician; allowed patient-data access leaves an access record.
/// </summary>
public sealed class AuthorisationSurfaceTests(SqliteAppFactory factory) : IClassFixture<SqliteAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private enum Exposure
    {
        /// <summary>Anyone, signed in or not (sign-in, error pages, health).</summary>
        Anonymous,

        /// <summary>Any signed-in user; shows nothing of a patient the user may not see (search, inbox).</summary>
        SignedIn,

        /// <summary>Administrators only; no patient data.</summary>
        Administrator,

        /// <summary>One patient's data: decided by the access policy, every allowed access recorded.</summary>
        PatientData,

        /// <summary>One care unit's triage board: its members only, decided and recorded by the triage service (TriageServiceTests).</summary>
        UnitData,

        /// <summary>Blazor's own plumbing and static files: the circuit carries the user; pages decide.</summary>
        Framework,

        /// <summary>
        /// Anyone holding a private token (a calendar program polling a subscription): the token's owner is the actor, read
        /// through the access policy and recorded; any other token answers 404.
        /// </summary>
        Token,

        /// <summary>Coordinators and administrators; no patient data (the national sync status).</summary>
        CoordinatorOrAdministrator,

        /// <summary>Demo mode only: the national-services sandbox, made-up data for the demo patients, open like a national test endpoint.</summary>
        DemoSandbox,

        /// <summary>Demo mode only: coordinators and administrators make the sandbox misbehave or place a resource (SandboxTests).</summary>
        DemoSandboxControl,
    }

    /// <summary>Every route pattern of the app and who may use it. Add new pages and endpoints here, on purpose.</summary>
    private static readonly Dictionary<string, Exposure> Routes = new(StringComparer.Ordinal)
    {
        ["/"] = Exposure.SignedIn,
        ["/account/login"] = Exposure.Anonymous,
        ["/account/logout"] = Exposure.SignedIn,
        ["/account/change-password"] = Exposure.SignedIn,
        ["/account/keep-alive"] = Exposure.SignedIn,
        ["/account/sign-out-everywhere"] = Exposure.SignedIn,
        ["/language"] = Exposure.Anonymous,
        ["/admin/log"] = Exposure.Administrator,
        ["/not-found"] = Exposure.Anonymous,
        ["/error"] = Exposure.Anonymous,
        ["/access-denied"] = Exposure.SignedIn,
        ["/health"] = Exposure.Anonymous,
        ["/alive"] = Exposure.Anonymous,
        ["/patients"] = Exposure.SignedIn,
        ["/inbox"] = Exposure.SignedIn,
        ["/tasks"] = Exposure.SignedIn,
        ["/admin/users"] = Exposure.Administrator,
        ["/admin/organisations"] = Exposure.Administrator,
        ["/jobs/{**path}"] = Exposure.Administrator,
        ["/patients/{PatientId:guid}"] = Exposure.PatientData,
        ["/patients/{PatientId:guid}/{SectionKey}"] = Exposure.PatientData,
        ["/patients/{PatientId:guid}/rehabilitation/log"] = Exposure.PatientData,
        ["/triage"] = Exposure.SignedIn,
        ["/triage/unit/{UnitId:guid}"] = Exposure.UnitData,
        ["/triage/record"] = Exposure.SignedIn,
        ["/triage/record/{PatientId:guid}"] = Exposure.PatientData,
        ["/care-home/administration"] = Exposure.SignedIn,
        ["/care-home/administration/{PatientId:guid}"] = Exposure.PatientData,
        ["/attachments/{id:guid}"] = Exposure.PatientData,
        ["/account/calendar"] = Exposure.SignedIn,
        ["/calendar"] = Exposure.SignedIn,
        ["/conferences/{AppointmentId:guid}"] = Exposure.PatientData,
        ["/video/{appointmentId:guid}/join"] = Exposure.PatientData,
        ["/patients/{patientId:guid}/calendar.ics"] = Exposure.PatientData,
        ["/patients/{patientId:guid}/documents/pathway-summary.pdf"] = Exposure.PatientData,
        ["/patients/{patientId:guid}/documents/care-plan.pdf"] = Exposure.PatientData,
        ["/patients/{patientId:guid}/documents/rehabilitation-plan.pdf"] = Exposure.PatientData,
        ["/patients/{patientId:guid}/documents/medication-list.pdf"] = Exposure.PatientData,
        // The patient's (or a relative's) own pages: they show only the records the user may see (AccessLogPageTests, SharingBlockTests).
        ["/my/access-log"] = Exposure.SignedIn,
        ["/my/sharing"] = Exposure.SignedIn,
        ["/my/access-log/{patientId:guid}/access-log.csv"] = Exposure.PatientData,
        ["/my/access-log/{patientId:guid}/access-log.pdf"] = Exposure.PatientData,
        ["/calendar/feed/{token}.ics"] = Exposure.Token,
        ["/fhir/metadata"] = Exposure.Anonymous,
        ["/fhir/Patient/{id}"] = Exposure.PatientData,
        ["/fhir/Patient/{id}/$everything"] = Exposure.PatientData,
        ["/fhir/AuditEvent/"] = Exposure.PatientData,
        ["/account/api-tokens"] = Exposure.SignedIn,
        ["/sync"] = Exposure.CoordinatorOrAdministrator,
        ["/sync/not-imported"] = Exposure.CoordinatorOrAdministrator,
        ["/sandbox/fhir/{service}/metadata"] = Exposure.DemoSandbox,
        ["/sandbox/fhir/{service}/{type}"] = Exposure.DemoSandbox,
        ["/sandbox/fhir/{service}/{type}/{id}"] = Exposure.DemoSandbox,
        ["/sandbox/control/{service}/fault/{fault}"] = Exposure.DemoSandboxControl,
        ["/sandbox/control/{service}/resources"] = Exposure.DemoSandboxControl,
        ["/hubs/pathway"] = Exposure.SignedIn,
        ["/hubs/pathway/negotiate"] = Exposure.SignedIn,
        ["/_blazor"] = Exposure.Framework,
        ["/_blazor/negotiate"] = Exposure.Framework,
        ["/_blazor/initializers/"] = Exposure.Framework,
        ["/_blazor/disconnect/"] = Exposure.Framework,
        ["/{**path:file}"] = Exposure.Framework,
        ["/_framework/blazor.server.js"] = Exposure.Framework,
        ["/_framework/blazor.web.js"] = Exposure.Framework,
        ["/_framework/blazor.server.js.map"] = Exposure.Framework,
        ["/_framework/blazor.web.js.map"] = Exposure.Framework,
        ["/_framework/opaque-redirect"] = Exposure.Framework,
    };

    /// <summary>Every public method a client can invoke on /hubs/pathway.</summary>
    private static readonly Dictionary<string, Exposure> HubMethods = new(StringComparer.Ordinal)
    {
        [nameof(PathwayHub.JoinPatient)] = Exposure.PatientData,
        [nameof(PathwayHub.LeavePatient)] = Exposure.SignedIn,
    };

    [Fact]
    public void Every_page_endpoint_and_hub_method_is_classified()
    {
        var patterns = RoutePatterns();
        Assert.Contains("/patients/{PatientId:guid}", patterns);
        var unclassified = patterns.Where(p => !Routes.ContainsKey(p)).ToList();
        Assert.True(unclassified.Count == 0,
            "Decide who may use these routes and add them to AuthorisationSurfaceTests.Routes: " + string.Join(", ", unclassified));

        var hubMethods = typeof(PathwayHub).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => !m.IsSpecialName && m.Name is not (nameof(Hub.OnConnectedAsync) or nameof(Hub.OnDisconnectedAsync)))
            .Select(m => m.Name).ToList();
        var unclassifiedMethods = hubMethods.Where(m => !HubMethods.ContainsKey(m)).ToList();
        Assert.True(unclassifiedMethods.Count == 0,
            "Decide who may call these hub methods and add them to AuthorisationSurfaceTests.HubMethods: " + string.Join(", ", unclassifiedMethods));
    }

    [Fact]
    public async Task Pages_answer_each_persona_as_classified()
    {
        var world = await WorldAsync();
        var readable = GetPatterns();
        var pages = Routes.Where(r => r.Value is Exposure.Anonymous or Exposure.SignedIn or Exposure.Administrator or Exposure.CoordinatorOrAdministrator)
            .Select(r => r.Key).Where(p => readable.Contains(p) && !p.StartsWith("/hubs", StringComparison.Ordinal)).ToList();
        Assert.Contains("/admin/users", pages);
        var failures = new List<string>();

        foreach (var persona in world.Personas.Prepend(Persona.Anonymous))
        {
            using var client = await persona.ClientAsync(factory);
            foreach (var page in pages)
            {
                // A catch-all route (the jobs dashboard) is asked at its root.
                var response = await client.GetAsync(page.Replace("/{**path}", "", StringComparison.Ordinal), Ct);
                var exposure = Routes[page];
                var expectedOk = exposure switch
                {
                    Exposure.Anonymous => true,
                    Exposure.SignedIn => persona.UserName is not null,
                    Exposure.Administrator => persona.Role == UserRole.Administrator,
                    Exposure.CoordinatorOrAdministrator => persona.Role is UserRole.Administrator or UserRole.Coordinator,
                    _ => false,
                };
                var ok = response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NoContent
                    || (page == "/" && persona.UserName is not null && response.StatusCode == HttpStatusCode.Redirect && !IsLoginRedirect(response));
                var refused = IsLoginRedirect(response) || response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized
                    || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString.Contains("access-denied", StringComparison.Ordinal) == true);
                if (expectedOk ? !ok : !refused)
                    failures.Add($"{persona.Name} GET {page}: expected {(expectedOk ? "allowed" : "refused")}, got {(int)response.StatusCode} {response.Headers.Location}");
            }
        }
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    /// <summary>
    /// The pathway page renders interactively (no prerendering), so it is called here through what it calls: the
    /// header decides whether the page opens and which tabs it offers, and each registered section loads its own data.
    /// A new section fails this test until it has a loader below.
    /// </summary>
    private static readonly Dictionary<string, Func<IServiceProvider, Actor, Guid, Task>> SectionLoaders = new(StringComparer.Ordinal)
    {
        ["overview"] = (sp, actor, id) => sp.GetRequiredService<Web.Features.Patients.PatientOverviewService>().GetAsync(actor, id, Ct),
        ["care-team"] = (sp, actor, id) => sp.GetRequiredService<Web.Features.CareTeam.CareTeamService>().GetAsync(actor, id, Ct),
        ["messages"] = (sp, actor, id) => sp.GetRequiredService<MessageService>().ListThreadsAsync(actor, id, Ct),
        ["timeline"] = (sp, actor, id) => sp.GetRequiredService<Web.Features.Timeline.TimelineService>().GetAsync(actor, id, new Web.Features.Timeline.TimelineFilter(), 0, 20, Ct),
        ["consents"] = (sp, actor, id) => sp.GetRequiredService<ConsentService>().GetAsync(actor, id, Ct),
        ["care-plan"] = (sp, actor, id) => sp.GetRequiredService<Web.Features.CarePlans.CarePlanService>().GetAsync(actor, id, Ct),
        ["rehabilitation"] = (sp, actor, id) => sp.GetRequiredService<Web.Features.Rehabilitation.RehabilitationPlanService>().GetAsync(actor, id, Ct),
        ["triage"] = (sp, actor, id) => sp.GetRequiredService<CareWorkspace.Infrastructure.Triage.TriageService>().GetStatusAsync(actor, id, Ct),
        ["medication"] = (sp, actor, id) => sp.GetRequiredService<Web.Features.Medicines.MedicationListService>().GetAsync(actor, id, Ct),
        ["measurements"] = (sp, actor, id) => sp.GetRequiredService<CareWorkspace.Infrastructure.Measurements.MeasurementService>().GetAsync(actor, id, Ct),
        ["calendar"] = (sp, actor, id) => sp.GetRequiredService<Web.Features.Calendar.AppointmentService>().GetAsync(actor, id,
            DateOnly.FromDateTime(DateTime.UnixEpoch).AddYears(56), DateOnly.FromDateTime(DateTime.UnixEpoch).AddYears(56).AddDays(30), Ct),
    };

    [Fact]
    public async Task The_pathway_page_and_each_section_open_exactly_for_those_with_access_and_every_opening_is_recorded()
    {
        var world = await WorldAsync();
        var registry = factory.Services.GetRequiredService<PathwaySectionRegistry>();
        var unmapped = registry.Sections.Select(s => s.Key).Where(k => !SectionLoaders.ContainsKey(k)).ToList();
        Assert.True(unmapped.Count == 0, "Add these pathway sections to SectionLoaders: " + string.Join(", ", unmapped));
        var failures = new List<string>();

        foreach (var persona in world.Personas)
        {
            var actor = await factory.ActorAsync(persona.UserName!, Ct);
            await using var scope = factory.Services.CreateAsyncScope();
            var before = await RecordsAsync(persona, world.JensId, allowed: true);
            PathwayHeader? header = null;
            try
            {
                header = await scope.ServiceProvider.GetRequiredService<PathwayHeaderService>().GetAsync(actor, world.JensId, Ct);
            }
            catch (PatientAccessDeniedException)
            {
            }
            if ((header is not null) != persona.SeesJens)
            {
                failures.Add($"{persona.Name}: expected the pathway {(persona.SeesJens ? "to open" : "to be refused")}");
                continue;
            }
            if (header is null)
            {
                if (await RecordsAsync(persona, world.JensId, allowed: true) != before)
                    failures.Add($"{persona.Name}: refused, yet an allowed access record was written");
                continue;
            }
            if (await RecordsAsync(persona, world.JensId, allowed: true) <= before)
                failures.Add($"{persona.Name}: opened the pathway without an access record");
            if ((header.Cpr is not null) != persona.Sections.Contains(PatientSection.MasterData))
                failures.Add($"{persona.Name}: CPR shown = {header.Cpr is not null}, but personal details in access = {persona.Sections.Contains(PatientSection.MasterData)}");

            var offered = registry.VisibleTo(header.VisibleSections).Select(s => s.Key).ToHashSet();
            foreach (var section in registry.Sections)
            {
                var expected = persona.Sections.Contains(section.AccessSection);
                if (offered.Contains(section.Key) != expected)
                    failures.Add($"{persona.Name}: tab {section.Key} offered = {offered.Contains(section.Key)}, expected {expected}");
                var sectionBefore = await RecordsAsync(persona, world.JensId, allowed: true);
                bool loaded;
                try
                {
                    await SectionLoaders[section.Key](scope.ServiceProvider, actor, world.JensId);
                    loaded = true;
                }
                catch (PatientAccessDeniedException)
                {
                    loaded = false;
                }
                if (loaded != expected)
                    failures.Add($"{persona.Name}: section {section.Key} loaded = {loaded}, expected {expected}");
                if (loaded && await RecordsAsync(persona, world.JensId, allowed: true) <= sectionBefore)
                    failures.Add($"{persona.Name}: section {section.Key} loaded without an access record");
            }
        }
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public async Task An_attachment_downloads_exactly_for_those_who_may_read_the_thread()
    {
        var world = await WorldAsync();
        var gp = await factory.ActorAsync("gp.larsen", Ct);
        Guid shared, unshared;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var messages = scope.ServiceProvider.GetRequiredService<MessageService>();
            var sharedThread = await messages.StartThreadAsync(gp, world.JensId, PathwayTestData.Thread("For everyone", sharedWithPatient: true, sharedWithRelatives: true), [PathwayTestData.Pdf()], Ct);
            var unsharedThread = await messages.StartThreadAsync(gp, world.JensId, PathwayTestData.Thread("Professionals only"), [PathwayTestData.Pdf()], Ct);
            shared = (await messages.OpenThreadAsync(gp, sharedThread, Ct)).Messages.Single().Attachments.Single().Id;
            unshared = (await messages.OpenThreadAsync(gp, unsharedThread, Ct)).Messages.Single().Attachments.Single().Id;
        }
        var failures = new List<string>();

        foreach (var persona in world.Personas)
        {
            using var client = await persona.ClientAsync(factory);
            var readsMessages = persona.SeesJens && persona.Sections.Contains(PatientSection.Messages);
            foreach (var (attachment, forEveryone) in new[] { (shared, true), (unshared, false) })
            {
                var expected = readsMessages && (forEveryone || persona.IsProfessional);
                var before = await RecordsAsync(persona, world.JensId, allowed: true);
                var response = await client.GetAsync($"/attachments/{attachment}", Ct);
                if ((response.StatusCode == HttpStatusCode.OK) != expected)
                    failures.Add($"{persona.Name} attachment ({(forEveryone ? "shared" : "unshared")}): expected {(expected ? "200" : "refusal")}, got {(int)response.StatusCode}");
                if (expected && await RecordsAsync(persona, world.JensId, allowed: true) <= before)
                    failures.Add($"{persona.Name}: downloaded an attachment without an access record");
            }
        }
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public async Task The_calendar_file_the_conference_and_the_video_join_open_exactly_for_those_allowed_and_are_recorded()
    {
        var world = await WorldAsync();
        var conference = await ConsultationTestData.BookConferenceAsync(factory, Ct);
        // Participants: gp.larsen (host) and Jens.
        var video = await ConsultationTestData.BookVideoAsync(factory, Ct);
        var failures = new List<string>();

        foreach (var persona in world.Personas)
        {
            var readsCalendar = persona.SeesJens && persona.Sections.Contains(PatientSection.Calendar);
            using var client = await persona.ClientAsync(factory);
            var before = await RecordsAsync(persona, world.JensId, allowed: true);
            var file = await client.GetAsync($"/patients/{world.JensId}/calendar.ics", Ct);
            if ((file.StatusCode == HttpStatusCode.OK) != readsCalendar)
                failures.Add($"{persona.Name} calendar.ics: expected {(readsCalendar ? "200" : "refusal")}, got {(int)file.StatusCode}");
            if (readsCalendar && await RecordsAsync(persona, world.JensId, allowed: true) <= before)
                failures.Add($"{persona.Name}: downloaded the calendar without an access record");

            var actor = await factory.ActorAsync(persona.UserName!, Ct);
            await using var scope = factory.Services.CreateAsyncScope();
            bool opened;
            try
            {
                await scope.ServiceProvider.GetRequiredService<Web.Features.Conferences.ConferenceService>().GetAsync(actor, conference, Ct);
                opened = true;
            }
            catch (PatientAccessDeniedException)
            {
                opened = false;
            }
            if (opened != readsCalendar)
                failures.Add($"{persona.Name} conference: opened = {opened}, expected {readsCalendar}");

            var participant = persona.UserName is "gp.larsen" or "jens";
            var join = await client.GetAsync(Web.Features.Video.VideoEndpoints.JoinPath(video), Ct);
            if ((join.StatusCode == HttpStatusCode.Redirect) != participant)
                failures.Add($"{persona.Name} video join: expected {(participant ? "the meeting" : "refusal")}, got {(int)join.StatusCode}");
        }
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    /// <summary>The FHIR resource types each section of the record gives in <c>$everything</c> (Jens has data in each).</summary>
    private static readonly Dictionary<PatientSection, string> FhirTypes = new()
    {
        [PatientSection.Relatives] = "RelatedPerson",
        [PatientSection.CareTeam] = "CareTeam",
        [PatientSection.Conditions] = "Condition",
        [PatientSection.Calendar] = "Appointment",
        [PatientSection.CarePlan] = "CarePlan",
    };

    [Fact]
    public async Task The_FHIR_API_gives_each_persona_exactly_the_sections_they_may_read_and_records_it()
    {
        var world = await WorldAsync();
        var failures = new List<string>();

        foreach (var persona in world.Personas)
        {
            using var client = await persona.ClientAsync(factory);
            var before = await RecordsAsync(persona, world.JensId, allowed: true);
            var response = await client.GetAsync($"/fhir/Patient/{world.JensId}/$everything", Ct);
            var expected = persona.SeesJens ? HttpStatusCode.OK : HttpStatusCode.Forbidden;
            if (response.StatusCode != expected)
            {
                failures.Add($"{persona.Name} FHIR $everything: expected {(int)expected}, got {(int)response.StatusCode}");
                continue;
            }
            using var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
            if (!persona.SeesJens)
            {
                if (json.RootElement.GetProperty("resourceType").GetString() != "OperationOutcome")
                    failures.Add($"{persona.Name}: refused without an OperationOutcome");
                continue;
            }
            var resources = json.RootElement.GetProperty("entry").EnumerateArray().Select(e => e.GetProperty("resource")).ToList();
            var types = resources.Select(r => r.GetProperty("resourceType").GetString()).ToHashSet();
            foreach (var (section, type) in FhirTypes)
            {
                if (types.Contains(type) != persona.Sections.Contains(section))
                    failures.Add($"{persona.Name}: {type} given = {types.Contains(type)}, but {section} in access = {persona.Sections.Contains(section)}");
            }
            if (!persona.Sections.Contains(PatientSection.Messages) && types.Contains("Communication"))
                failures.Add($"{persona.Name}: messages given without access to them");
            var patient = resources.Single(r => r.GetProperty("resourceType").GetString() == "Patient");
            if (patient.TryGetProperty("identifier", out _) != persona.Sections.Contains(PatientSection.MasterData))
                failures.Add($"{persona.Name}: CPR given = {patient.TryGetProperty("identifier", out _)}, but personal details in access = {persona.Sections.Contains(PatientSection.MasterData)}");
            if (await RecordsAsync(persona, world.JensId, allowed: true) <= before)
                failures.Add($"{persona.Name}: read through the FHIR API without an access record");
        }
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public async Task Joining_the_hub_for_a_patient_succeeds_exactly_for_those_with_access_and_is_recorded()
    {
        var world = await WorldAsync();
        var failures = new List<string>();

        foreach (var persona in world.Personas)
        {
            var (http, cookie) = await HttpSignIn.SignInAsync(factory, persona.UserName!, Ct);
            http.Dispose();
            await using var hub = new PathwayHubClient(factory, cookie);
            await hub.Connection.StartAsync(Ct);
            var before = await RecordsAsync(persona, world.JensId, allowed: true);
            bool joined;
            try
            {
                await hub.Connection.InvokeAsync(nameof(PathwayHub.JoinPatient), world.JensId, Ct);
                joined = true;
            }
            catch (HubException)
            {
                joined = false;
            }
            await hub.Connection.InvokeAsync(nameof(PathwayHub.LeavePatient), world.JensId, Ct);
            if (joined != persona.SeesJens)
                failures.Add($"{persona.Name}: expected the hub join to be {(persona.SeesJens ? "allowed" : "refused")}");
            if (joined && await RecordsAsync(persona, world.JensId, allowed: true) <= before)
                failures.Add($"{persona.Name}: joined without an access record");
        }
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    private static bool IsLoginRedirect(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString.Contains("account/login", StringComparison.Ordinal) == true;

    private List<string> RoutePatterns() =>
        factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.StaticAssets.StaticAssetDescriptor>() is null)
            .Select(e => "/" + (e.RoutePattern.RawText ?? "").TrimStart('/'))
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>Routes a browser can GET (pages and GET endpoints); posts are exercised by their own tests.</summary>
    private HashSet<string> GetPatterns() =>
        factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>() is not { } methods || methods.HttpMethods.Contains("GET"))
            .Select(e => "/" + (e.RoutePattern.RawText ?? "").TrimStart('/'))
            .ToHashSet(StringComparer.Ordinal);

    private async Task<int> RecordsAsync(Persona persona, Guid patientId, bool allowed)
    {
        await using var db = await factory.CreateDbContextAsync(Ct);
        return await db.AccessRecords.AsNoTracking().CountAsync(r => r.UserId == persona.UserId && r.PatientId == patientId && r.Allowed == allowed, Ct);
    }

    // ---- the people ----

    private sealed record Persona(string Name, string? UserName, string? UserId, UserRole? Role, bool SeesJens, IReadOnlySet<PatientSection> Sections)
    {
        public static readonly Persona Anonymous = new("anonymous", null, null, null, false, new HashSet<PatientSection>());

        public bool IsProfessional => Role is { } role && role is not (UserRole.Patient or UserRole.Relative or UserRole.Administrator);

        public async Task<HttpClient> ClientAsync(CareAppFactory factory)
        {
            if (UserName is null)
                return HttpSignIn.NewClient(factory);
            var (client, _) = await HttpSignIn.SignInAsync(factory, UserName, Ct);
            return client;
        }
    }

    private sealed record World(Guid JensId, IReadOnlyList<Persona> Personas);

    private World? world;

    /// <summary>The demo users plus relatives with no consent and with each single scope, and a second patient.</summary>
    private async Task<World> WorldAsync()
    {
        if (world is not null)
            return world;
        var jensId = await factory.JensIdAsync(Ct);
        var all = new HashSet<PatientSection>(Enum.GetValues<PatientSection>());
        var ullas = new HashSet<PatientSection> { PatientSection.MasterData, PatientSection.CareTeam, PatientSection.Conditions, PatientSection.Relatives, PatientSection.Timeline, PatientSection.Calendar, PatientSection.Rehabilitation };
        var none = new HashSet<PatientSection>();
        var personas = new List<Persona>();
        foreach (var account in DemoAccounts.All)
        {
            var actor = await factory.ActorAsync(account.UserName, Ct);
            var (sees, sections) = account.UserName switch
            {
                "nurse.roskilde" or "carehome.worker" or "admin" => (false, none),
                "ulla" => (true, ullas),
                _ => (true, all),
            };
            personas.Add(new Persona(account.UserName, account.UserName, actor.UserId, actor.Role, sees, sections));
        }

        var jens = await factory.ActorAsync("jens", Ct);
        var (withoutConsent, withoutName, _) = await AccessTestData.NewRelativeAsync(factory, jensId, Ct);
        personas.Add(new Persona("relative without consent", withoutName, withoutConsent.UserId, UserRole.Relative, false, none));
        foreach (var section in RelativeConsent.GrantableSections)
        {
            var (relative, userName, _) = await AccessTestData.NewRelativeAsync(factory, jensId, Ct);
            await using var scope = factory.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<ConsentService>().GrantAsync(jens, jensId, new ConsentInput(relative.UserId, [section], null, null), Ct);
            personas.Add(new Persona($"relative with {section} only", userName, relative.UserId, UserRole.Relative, true, new HashSet<PatientSection> { section }));
        }
        var otherPatient = await OtherPatientAsync();
        personas.Add(new Persona("another patient", otherPatient.UserName, otherPatient.UserId, UserRole.Patient, false, none));
        return world = new World(jensId, personas);
    }

    private async Task<(string UserName, string UserId)> OtherPatientAsync()
    {
        var userName = "patient." + Guid.NewGuid().ToString("N")[..8];
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CareUser>>();
        var user = new CareUser { UserName = userName, DisplayName = "Other Patient", Role = UserRole.Patient, LockoutEnabled = true };
        Assert.True((await users.CreateAsync(user, DemoAccounts.Password)).Succeeded);
        await using var db = await factory.CreateDbContextAsync(Ct);
        var jensCpr = Cpr.Parse(DemoDataSeeder.JensCpr, CopenhagenTime.Today(TimeProvider.System));
        var other = await db.Patients.Where(p => p.UserId == null && p.Cpr != jensCpr).OrderBy(p => p.Id).FirstAsync(Ct);
        other.LinkUser(user.Id);
        await db.SaveChangesAsync(Ct);
        return (userName, user.Id);
    }
}
