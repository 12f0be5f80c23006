using CareWorkspace.Infrastructure.Identity;

namespace CareWorkspace.Web.Security;

/// <summary>
/// While a signed-in person must choose their own password (the account was created or changed by an administrator),
/// every page leads to the "Choose your password" page and nothing else answers: no circuit, no hub, no download.
/// </summary>
internal sealed class PasswordChangeGate(RequestDelegate next)
{
    public const string ChangePasswordPath = "/account/change-password";

    private static readonly PathString[] Open = [ChangePasswordPath, "/account/logout", "/account/login", "/_framework", "/_content", "/alive", "/health"];

    public Task InvokeAsync(HttpContext context)
    {
        if (context.User.HasClaim(c => c.Type == CareClaimTypes.MustChangePassword) && !IsOpen(context.Request))
        {
            if (HttpMethods.IsGet(context.Request.Method) && !context.Request.Path.StartsWithSegments("/_blazor")
                && !context.Request.Path.StartsWithSegments(Features.Pathway.PathwayHub.Path))
            {
                context.Response.Redirect(ChangePasswordPath);
                return Task.CompletedTask;
            }
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return Task.CompletedTask;
        }
        return next(context);
    }

    private static bool IsOpen(HttpRequest request) =>
        Open.Any(p => request.Path.StartsWithSegments(p))
        // Stylesheets, scripts and icons (they carry a file extension); pages and endpoints do not.
        || (HttpMethods.IsGet(request.Method) && Path.HasExtension(request.Path.Value));
}
