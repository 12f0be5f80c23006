using CareWorkspace.Domain.Access;
using CareWorkspace.Infrastructure.Documents;
using CareWorkspace.Infrastructure.Identity;

namespace CareWorkspace.Web.Features.Documents;

/// <summary>
/// The printable documents of a patient, each a signed-in download authorised and logged like any read: refused with 403
/// (and the refusal logged), an unknown patient 404, never cached.
/// </summary>
internal static class DocumentEndpoints
{
    public static string PathwaySummaryPath(Guid patientId) => $"/patients/{patientId}/documents/pathway-summary.pdf";

    public static string CarePlanPath(Guid patientId) => $"/patients/{patientId}/documents/care-plan.pdf";

    public static string RehabilitationPlanPath(Guid patientId) => $"/patients/{patientId}/documents/rehabilitation-plan.pdf";

    public static string MedicationListPath(Guid patientId) => $"/patients/{patientId}/documents/medication-list.pdf";

    public static void MapDocumentEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/patients/{patientId:guid}/documents/pathway-summary.pdf",
            (Guid patientId, HttpContext http, PathwaySummaryService summaries, CancellationToken ct) =>
                ServeAsync(http, "pathway-summary.pdf", actor => summaries.WriteAsync(actor, patientId, ct)))
            .RequireAuthorization();
        endpoints.MapGet("/patients/{patientId:guid}/documents/care-plan.pdf",
            (Guid patientId, HttpContext http, CarePlanDocumentService plans, CancellationToken ct) =>
                ServeAsync(http, "care-plan.pdf", actor => plans.WriteAsync(actor, patientId, ct)))
            .RequireAuthorization();
        endpoints.MapGet("/patients/{patientId:guid}/documents/rehabilitation-plan.pdf",
            (Guid patientId, HttpContext http, RehabilitationPlanDocumentService sheets, CancellationToken ct) =>
                ServeAsync(http, "rehabilitation-plan.pdf", actor => sheets.WriteAsync(actor, patientId, ct)))
            .RequireAuthorization();
        endpoints.MapGet("/patients/{patientId:guid}/documents/medication-list.pdf",
            (Guid patientId, HttpContext http, MedicationListDocumentService lists, CancellationToken ct) =>
                ServeAsync(http, "medication-list.pdf", actor => lists.WriteAsync(actor, patientId, ct)))
            .RequireAuthorization();
    }

    /// <summary>Writes a document for the signed-in user, answering a refusal or an unknown patient the way every patient read does.</summary>
    public static async Task<IResult> ServeAsync(HttpContext http, string fileName, Func<Actor, Task<byte[]>> write)
    {
        var actor = http.User.ToActor();
        if (actor is null)
            return Results.Unauthorized();
        try
        {
            var pdf = await write(actor);
            http.Response.Headers.CacheControl = "no-store";
            http.Response.Headers.XContentTypeOptions = "nosniff";
            return Results.File(pdf, CareDocument.ContentType, fileName);
        }
        catch (PatientAccessDeniedException ex)
        {
            return Results.Problem(ActionErrors.Describe(ex), statusCode: StatusCodes.Status403Forbidden);
        }
        catch (PatientNotFoundException)
        {
            return Results.NotFound();
        }
    }
}
