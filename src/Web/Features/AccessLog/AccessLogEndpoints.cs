using System.Globalization;
using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Audit;
using CareWorkspace.Domain.Common;
using CareWorkspace.Infrastructure.AccessLog;
using CareWorkspace.Infrastructure.Documents;
using CareWorkspace.Infrastructure.Identity;
using Microsoft.AspNetCore.WebUtilities;

namespace CareWorkspace.Web.Features.AccessLog;

/// <summary>
/// The access log to take away, under /my/access-log: a signed-in download decided and logged like any read, refused
/// with 403 (and logged), an unknown patient 404, an inverted period 400, never cached.
/// </summary>
internal static class AccessLogEndpoints
{
    public static string CsvPath(Guid patientId, AccessLogFilter filter) => WithFilter($"/my/access-log/{patientId}/access-log.csv", filter);

    public static string PdfPath(Guid patientId, AccessLogFilter filter) => WithFilter($"/my/access-log/{patientId}/access-log.pdf", filter);

    public static void MapAccessLogEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/my/access-log/{patientId:guid}/access-log.csv",
            (Guid patientId, string? from, string? to, Guid? organisation, AccessAction? action, bool? emergency, HttpContext http,
                AccessLogExportService exports, CancellationToken ct) =>
                ServeAsync(http, async actor =>
                {
                    var write = await exports.CsvAsync(actor, patientId, Filter(from, to, organisation, action, emergency), ct);
                    return Results.Stream(stream => write(stream, ct), AccessLogCsv.ContentType, "access-log.csv");
                }))
            .RequireAuthorization();
        endpoints.MapGet("/my/access-log/{patientId:guid}/access-log.pdf",
            (Guid patientId, string? from, string? to, Guid? organisation, AccessAction? action, bool? emergency, HttpContext http,
                AccessLogExportService exports, CancellationToken ct) =>
                ServeAsync(http, async actor =>
                    Results.File(await exports.PdfAsync(actor, patientId, Filter(from, to, organisation, action, emergency), ct), CareDocument.ContentType, "access-log.pdf")))
            .RequireAuthorization();
    }

    private static AccessLogFilter Filter(string? from, string? to, Guid? organisation, AccessAction? action, bool? emergency) =>
        new(Day(from), Day(to), organisation, action, emergency ?? false);

    private static DateOnly? Day(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null
        : DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day
        : throw new DomainException("'{0}' is not a date (yyyy-MM-dd).", text);

    private static string WithFilter(string path, AccessLogFilter filter)
    {
        var query = new Dictionary<string, string?>();
        if (filter.From is { } from)
            query["from"] = from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (filter.To is { } to)
            query["to"] = to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (filter.OrganisationId is { } organisation)
            query["organisation"] = organisation.ToString();
        if (filter.Action is { } action)
            query["action"] = action.ToString();
        if (filter.EmergencyAccessOnly)
            query["emergency"] = "true";
        return QueryHelpers.AddQueryString(path, query);
    }

    private static async Task<IResult> ServeAsync(HttpContext http, Func<Actor, Task<IResult>> serve)
    {
        var actor = http.User.ToActor();
        if (actor is null)
            return Results.Unauthorized();
        try
        {
            var result = await serve(actor);
            http.Response.Headers.CacheControl = "no-store";
            http.Response.Headers.XContentTypeOptions = "nosniff";
            return result;
        }
        catch (PatientAccessDeniedException ex)
        {
            return Results.Problem(ActionErrors.Describe(ex), statusCode: StatusCodes.Status403Forbidden);
        }
        catch (PatientNotFoundException)
        {
            return Results.NotFound();
        }
        catch (DomainException ex)
        {
            return Results.Problem(ActionErrors.Describe(ex), statusCode: StatusCodes.Status400BadRequest);
        }
    }
}
