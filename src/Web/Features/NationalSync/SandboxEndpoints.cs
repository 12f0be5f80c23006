using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.NationalSync;
using CareWorkspace.Infrastructure.Identity;
using CareWorkspace.Infrastructure.NationalServices;
using CareWorkspace.Infrastructure.NationalServices.Sandbox;

namespace CareWorkspace.Web.Features.NationalSync;

/// <summary>
/// The national-services sandbox, in demo mode only: a FHIR R4 endpoint per service under
/// <c>/sandbox/fhir/&lt;Service&gt;/</c> (read, search, paging) with demo data only, so it needs no sign-in; and a
/// control under <c>/sandbox/control/</c> for coordinators and administrators to make a service misbehave or to place a
/// resource (e.g. a new discharge notification).
/// </summary>
internal static class SandboxEndpoints
{
    private const string FhirJson = "application/fhir+json";
    public const string ControlPath = "/sandbox/control";

    public static void MapSandboxEndpoints(this IEndpointRouteBuilder endpoints)
    {
        if (!endpoints.ServiceProvider.GetRequiredService<NationalServicesSettings>().SandboxEnabled)
            return;
        var fhir = endpoints.MapGroup(NationalServiceEndpoints.SandboxPath + "/{service}").AllowAnonymous();
        fhir.MapGet("/metadata", async (string service, HttpContext http, SandboxFaults faults) =>
            await WithFaultsAsync(service, http, faults, _ => Results.Text(
                """{"resourceType":"CapabilityStatement","status":"active","date":"2026-01-01","kind":"instance","fhirVersion":"4.0.1","format":["json"],"rest":[{"mode":"server"}]}""",
                FhirJson)));
        fhir.MapGet("/{type}", async (string service, string type, HttpContext http, SandboxFaults faults, SandboxStore store) =>
            await WithFaultsAsync(service, http, faults, known =>
            {
                var query = http.Request.Query.SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string>(p.Key, v ?? ""))).ToList();
                var bundle = SandboxSearch.Run(store, known, type, query, ServiceBase(http, known), faults.Of(known) == SandboxFault.ForeignNextLink);
                return Results.Stream(body => bundle.WriteAsync(body, http.RequestAborted), FhirJson);
            }));
        fhir.MapGet("/{type}/{id}", async (string service, string type, string id, HttpContext http, SandboxFaults faults, SandboxStore store) =>
            await WithFaultsAsync(service, http, faults, known => store.Read(known, type, id) is { } found
                ? Results.Text(found.Json, FhirJson)
                : Results.Text(Outcome("not-found", $"{type}/{id} is not known."), FhirJson, statusCode: StatusCodes.Status404NotFound)));

        var control = endpoints.MapGroup(ControlPath + "/{service}").RequireAuthorization();
        control.MapPost("/fault/{fault}", (string service, string fault, HttpContext http, SandboxFaults faults) =>
        {
            if (!MayControl(http))
                return Results.StatusCode(StatusCodes.Status403Forbidden);
            if (!Enum.TryParse<NationalService>(service, true, out var known) || !Enum.TryParse<SandboxFault>(fault, true, out var kind))
                return Results.NotFound();
            faults.Set(known, kind);
            return Results.NoContent();
        });
        control.MapPost("/resources", async (string service, string? patientCpr, HttpContext http, SandboxStore store) =>
        {
            if (!MayControl(http))
                return Results.StatusCode(StatusCodes.Status403Forbidden);
            if (!Enum.TryParse<NationalService>(service, true, out var known))
                return Results.NotFound();
            using var reader = new StreamReader(http.Request.Body);
            try
            {
                var placed = store.Place(known, await reader.ReadToEndAsync(http.RequestAborted), patientCpr);
                return Results.Ok(new { placed.Type, placed.Id, placed.Version });
            }
            catch (Exception ex) when (ex is System.Text.Json.JsonException or ArgumentException or InvalidOperationException)
            {
                return Results.BadRequest(ex.Message);
            }
        });
    }

    private static bool MayControl(HttpContext http) => http.User.ToActor() is { Role: UserRole.Administrator or UserRole.Coordinator };

    private static Uri ServiceBase(HttpContext http, NationalService service) =>
        new($"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}{NationalServiceEndpoints.SandboxPath}/{service}/");

    private static async Task<IResult> WithFaultsAsync(string service, HttpContext http, SandboxFaults faults, Func<NationalService, IResult> answer)
    {
        if (!Enum.TryParse<NationalService>(service, true, out var known))
            return Results.NotFound();
        switch (faults.Of(known))
        {
            case SandboxFault.Down:
                http.Abort();
                return Results.Empty;
            case SandboxFault.Slow:
                try
                {
                    await Task.Delay(faults.SlowDelay, http.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                    // The caller gave up: no answer at all (an unhandled cancellation would answer 500).
                    http.Abort();
                    return Results.Empty;
                }
                break;
            case SandboxFault.ServerError:
                return Results.Text(Outcome("exception", "The sandbox was told to fail."), FhirJson, statusCode: StatusCodes.Status500InternalServerError);
            case SandboxFault.Malformed:
                return Results.Text("{\"resourceType\":\"Bundle\",\"entry\":[{\"resource\":", FhirJson);
        }
        return answer(known);
    }

    private static string Outcome(string code, string text) =>
        $$"""{"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"{{code}}","diagnostics":{{System.Text.Json.JsonSerializer.Serialize(text)}}}]}""";
}
