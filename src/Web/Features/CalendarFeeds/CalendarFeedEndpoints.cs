using CareWorkspace.Domain.Access;
using CareWorkspace.Infrastructure.CalendarFeeds;
using CareWorkspace.Infrastructure.Identity;

namespace CareWorkspace.Web.Features.CalendarFeeds;

internal static class CalendarFeedEndpoints
{
    public static string DownloadPath(Guid patientId) => $"/patients/{patientId}/calendar.ics";

    public static void MapCalendarFeedEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // A signed-in user's download: authorised and logged like any read.
        endpoints.MapGet("/patients/{patientId:guid}/calendar.ics", async (Guid patientId, HttpContext http, CalendarFeedService feeds, CancellationToken ct) =>
        {
            var actor = http.User.ToActor();
            if (actor is null)
                return Results.Unauthorized();
            try
            {
                var text = await feeds.DownloadAsync(actor, patientId, ct);
                NoStore(http);
                return Results.Text(text, ICalendarWriter.ContentType);
            }
            catch (PatientAccessDeniedException ex)
            {
                return Results.Problem(ActionErrors.Describe(ex), statusCode: StatusCodes.Status403Forbidden);
            }
            catch (PatientNotFoundException)
            {
                return Results.NotFound();
            }
        }).RequireAuthorization();

        // A calendar program's subscription: no cookie, the token is the key. Unknown, revoked or no longer allowed all
        // answer the same 404, so the answer says nothing about which tokens exist.
        endpoints.MapGet(CalendarFeedService.FeedPrefix + "{token}.ics", async (string token, HttpContext http, CalendarFeedService feeds, CancellationToken ct) =>
        {
            var text = await feeds.OpenFeedAsync(token, ct);
            if (text is null)
                return Results.NotFound();
            NoStore(http);
            return Results.Text(text, ICalendarWriter.ContentType);
        }).AllowAnonymous();
    }

    private static void NoStore(HttpContext http)
    {
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers.XContentTypeOptions = "nosniff";
    }
}
