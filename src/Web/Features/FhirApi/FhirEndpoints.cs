using System.Globalization;
using System.Reflection;
using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Audit;
using CareWorkspace.Infrastructure.AccessLog;
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

        fhir.MapGroup("/AuditEvent").AddEndpointFilter(RequireCallerAsync)
            .MapGet("", (HttpContext http, FhirAuditEventService audits, TimeProvider clock, CancellationToken ct) => AuditEventsAsync(http, audits, clock, ct));
    }

    /// <summary><c>GET /fhir/AuditEvent?patient={id}&amp;_count=n</c>, paged by an opaque <c>_cursor</c> in the <c>next</c> link.</summary>
    private static async Task<IResult> AuditEventsAsync(HttpContext http, FhirAuditEventService audits, TimeProvider clock, CancellationToken ct)
    {
        var query = http.Request.Query;
        var patient = query["patient"].ToString();
        var id = patient.StartsWith("Patient/", StringComparison.Ordinal) ? patient["Patient/".Length..] : patient;
        if (string.IsNullOrEmpty(id))
            return Outcome(StatusCodes.Status400BadRequest, OperationOutcome.IssueType.Required, "Search AuditEvent by patient: AuditEvent?patient={id}.");
        var count = FhirAuditEventService.DefaultCount;
        if (query.ContainsKey("_count") && (!int.TryParse(query["_count"], out count) || count is < 1 or > AccessLogQuery.MaxPageSize))
            return Outcome(StatusCodes.Status400BadRequest, OperationOutcome.IssueType.Value, $"_count must be a whole number from 1 to {AccessLogQuery.MaxPageSize}.");
        AccessLogCursor? after = null;
        if (query.ContainsKey("_cursor") && !TryReadCursor(query["_cursor"].ToString(), out after))
            return Outcome(StatusCodes.Status400BadRequest, OperationOutcome.IssueType.Value, "The _cursor is not one this server gave.");
        return await ReadAsync(id, http, async (actor, patientId) =>
        {
            var page = await audits.SearchAsync(actor, patientId, count, after, ct);
            var fhirBase = BaseOf(http);
            var self = new Uri(fhirBase, $"AuditEvent?patient={patientId:D}&_count={count}" + (after is null ? "" : $"&_cursor={Cursor(after)}")).AbsoluteUri;
            var next = page.Next is { } n ? new Uri(fhirBase, $"AuditEvent?patient={patientId:D}&_count={count}&_cursor={Cursor(n)}").AbsoluteUri : null;
            return FhirAuditEventResources.Searchset([.. page.Records.Select(r => FhirAuditEventResources.Of(r, patientId, page.PatientName))],
                fhirBase, self, next, clock.GetUtcNow());
        });
    }

    private static string Cursor(AccessLogCursor cursor) =>
        string.Create(CultureInfo.InvariantCulture, $"{cursor.At.UtcTicks}-{cursor.Id}");

    private static bool TryReadCursor(string text, out AccessLogCursor? cursor)
    {
        cursor = null;
        var parts = text.Split('-');
        if (parts.Length != 2 || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            || ticks < DateTimeOffset.MinValue.UtcTicks || ticks > DateTimeOffset.MaxValue.UtcTicks)
            return false;
        cursor = new AccessLogCursor(new DateTimeOffset(ticks, TimeSpan.Zero), id);
        return true;
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
