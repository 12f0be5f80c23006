using System.Reflection;
using CareWorkspace.Domain.Access;
using CareWorkspace.Infrastructure.FhirApi;
using CareWorkspace.Infrastructure.Identity;
using Hl7.Fhir.Model;
using Microsoft.AspNetCore.Authentication;

namespace CareWorkspace.Web.Features.FhirApi;

/// <summary>
/// Our own read-only FHIR R4 API under <c>/fhir</c>: the CapabilityStatement, a Patient, and <c>Patient/{id}/$everything</c>.
/// The caller is the signed-in cookie user or the owner of a personal API token; every read goes through the access
/// guard (<see cref="FhirRecordService"/>). Every answer, refusals included, is FHIR JSON, or XML when asked for
/// (<see cref="FhirResult"/>); refusals are worded in the caller's language (<see cref="FhirApiText"/>).
/// </summary>
public static class FhirEndpoints
{
    public const string Path = "/fhir";
    public const string ContentType = FhirFormats.JsonContentType;

    public static void MapFhirEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var fhir = endpoints.MapGroup(Path).AllowAnonymous();
        fhir.MapGet("/metadata", (HttpContext http, TimeProvider clock) =>
            Fhir(FhirCapability.Statement(BaseOf(http), Version, clock.GetUtcNow())));

        var patients = fhir.MapGroup("/Patient").AddEndpointFilter(RequireCallerAsync);
        patients.MapGet("/{id}", (string id, HttpContext http, FhirRecordService records, CancellationToken ct) =>
            ReadAsync(id, http, async (actor, patientId) =>
            {
                var record = await records.PatientAsync(actor, patientId, ct);
                var gp = record.Patient.GpOrganisationId is { } g ? record.Organisations.GetValueOrDefault(g) : null;
                return FhirPatientResources.Patient(record.Patient, withPersonalDetails: true, gp, record.ShowsAddress);
            }));
        patients.MapGet("/{id}/$everything", (string id, HttpContext http, FhirRecordService records, TimeProvider clock, CancellationToken ct) =>
            ReadAsync(id, http, async (actor, patientId) =>
                FhirEverything.Bundle(await records.EverythingAsync(actor, patientId, ct), BaseOf(http), clock.GetUtcNow())));
    }

    private static readonly string Version =
        typeof(FhirEndpoints).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "1.0";

    /// <summary>Cookie or token: a request with a bearer token is judged by the token alone; without one, by the cookie.</summary>
    private static async ValueTask<object?> RequireCallerAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (ApiTokenAuthentication.HasBearer(http.Request))
        {
            var result = await http.AuthenticateAsync(ApiTokenAuthentication.SchemeName);
            if (!result.Succeeded)
                return Unauthorized(http, result.Failure?.Message ?? "The API token was not accepted.");
            http.User = result.Principal;
        }
        if (http.User.ToActor() is null)
            return Unauthorized(http, "Sign in to CareWorkspace, or send a personal API token as 'Authorization: Bearer <token>'.");
        return await next(context);
    }

    private static async Task<IResult> ReadAsync(string id, HttpContext http, Func<Actor, Guid, Task<Resource>> read)
    {
        http.Response.Headers.CacheControl = "no-store";
        if (!Guid.TryParse(id, out var patientId))
            return Outcome(StatusCodes.Status404NotFound, OperationOutcome.IssueType.NotFound, FhirApiText.Translate(http, "Patient/{0} is not known.", id));
        try
        {
            return Fhir(await read(http.User.ToActor()!, patientId));
        }
        catch (PatientNotFoundException)
        {
            return Outcome(StatusCodes.Status404NotFound, OperationOutcome.IssueType.NotFound, FhirApiText.Translate(http, "Patient/{0} is not known.", id));
        }
        catch (PatientAccessDeniedException ex)
        {
            return Outcome(StatusCodes.Status403Forbidden, OperationOutcome.IssueType.Forbidden, ActionErrors.Describe(ex));
        }
    }

    /// <param name="reason">An English sentence of <see cref="FhirApiText"/>'s (the token handler's refusals are too).</param>
    private static IResult Unauthorized(HttpContext http, string reason)
    {
        http.Response.Headers.WWWAuthenticate = "Bearer realm=\"CareWorkspace FHIR API\"";
        return Outcome(StatusCodes.Status401Unauthorized, OperationOutcome.IssueType.Login, FhirApiText.Translate(http, reason));
    }

    private static IResult Outcome(int status, OperationOutcome.IssueType type, string diagnostics) =>
        new FhirResult(FhirOutcomes.Error(type, diagnostics), status);

    private static IResult Fhir(Resource resource) => new FhirResult(resource);

    private static Uri BaseOf(HttpContext http) =>
        new($"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}{Path}/");
}
