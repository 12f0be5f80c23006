using System.Globalization;
using System.Text.Encodings.Web;
using CareWorkspace.Infrastructure.Identity;
using CareWorkspace.Web.Localization;

namespace CareWorkspace.Web.Features.Video;

internal static class VideoEndpoints
{
    public const string Prefix = "/video";

    public static string JoinPath(Guid appointmentId) => $"{Prefix}/{appointmentId}/join";

    /// <summary>
    /// Join: checks participant and window at the moment of joining (and logs it), then sends the browser to the meeting.
    /// The meeting links never sit in a page, so a link copied from a page opens nothing outside the window.
    /// </summary>
    public static void MapVideoEndpoints(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(Prefix + "/{appointmentId:guid}/join", async (Guid appointmentId, HttpContext http, VideoConsultationService video, CancellationToken ct) =>
        {
            var actor = http.User.ToActor();
            if (actor is null)
                return Results.Unauthorized();
            try
            {
                var link = await video.JoinAsync(actor, appointmentId, ct);
                http.Response.Headers.CacheControl = "no-store";
                return Results.Redirect(link.AbsoluteUri);
            }
            catch (Exception ex) when (ActionErrors.IsExplained(ex))
            {
                // Opened in a new tab by a person: a short page that says why, in their language.
                return Refused(ActionErrors.Describe(ex));
            }
        }).RequireAuthorization();

    private static IResult Refused(string reason)
    {
        var text = StaticText.For(typeof(VideoEndpoints));
        var language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        var html = $"""
            <!DOCTYPE html>
            <html lang="{language}"><head><meta charset="utf-8"><title>{Encode(text["Video consultation"])}</title></head>
            <body><main><h1>{Encode(text["You cannot join the video consultation"])}</h1><p data-testid="video-refused">{Encode(reason)}</p>
            <p><a href="/">{Encode(text["Back to CareWorkspace"])}</a></p></main></body></html>
            """;
        return Results.Content(html, "text/html; charset=utf-8", statusCode: StatusCodes.Status403Forbidden);
    }

    private static string Encode(string text) => HtmlEncoder.Default.Encode(text);
}
