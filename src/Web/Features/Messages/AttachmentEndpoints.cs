using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Common;
using CareWorkspace.Infrastructure.Identity;

namespace CareWorkspace.Web.Features.Messages;

internal static class AttachmentEndpoints
{
    /// <summary>Attachments are only ever served here, after the same access check as the thread, as downloads.</summary>
    public static void MapAttachmentEndpoints(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/attachments/{id:guid}", async (Guid id, HttpContext http, MessageService messages, CancellationToken ct) =>
        {
            var actor = http.User.ToActor();
            if (actor is null)
                return Results.Unauthorized();
            try
            {
                var download = await messages.OpenAttachmentAsync(actor, id, ct);
                http.Response.Headers.XContentTypeOptions = "nosniff";
                http.Response.Headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
                return Results.File(download.Content, download.ContentType, download.FileName);
            }
            catch (PatientAccessDeniedException ex)
            {
                return Results.Problem(ActionErrors.Describe(ex), statusCode: StatusCodes.Status403Forbidden);
            }
            catch (DomainException ex)
            {
                return Results.Problem(ActionErrors.Describe(ex), statusCode: StatusCodes.Status404NotFound);
            }
        }).RequireAuthorization();
}
