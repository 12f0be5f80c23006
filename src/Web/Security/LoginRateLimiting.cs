using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace CareWorkspace.Web.Security;

/// <summary>
/// Limits sign-in attempts per client address and per user name, so that neither guessing many passwords for one
/// name nor trying one password on many names from one place gets far. The per-name limit applies whether or not
/// the name exists, so a refusal tells nothing about the accounts. Settings under Security:LoginRateLimit.
/// </summary>
public static class LoginRateLimiting
{
    public const string LoginPath = "/account/login";
    private const string UserNameKey = "CareWorkspace.LoginUserName";

    public sealed class Settings
    {
        /// <summary>Sign-in attempts per client address per window. Generous: a ward behind one NAT address signs in together.</summary>
        public int PerIpPermitLimit { get; set; } = 60;

        /// <summary>Sign-in attempts per user name per window, counted for names that exist and names that do not.</summary>
        public int PerUserNamePermitLimit { get; set; } = 10;

        public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(5);
    }

    public static IServiceCollection AddLoginRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = configuration.GetSection("Security:LoginRateLimit").Get<Settings>() ?? new Settings();
        services.AddRateLimiter(o =>
        {
            o.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(context => IsLoginPost(context)
                    ? Window("ip:" + (context.Connection.RemoteIpAddress ?? IPAddress.None), settings.PerIpPermitLimit, settings.Window)
                    : RateLimitPartition.GetNoLimiter("")),
                PartitionedRateLimiter.Create<HttpContext, string>(context => IsLoginPost(context) && context.Items[UserNameKey] is string name
                    ? Window("user:" + name, settings.PerUserNamePermitLimit, settings.Window)
                    : RateLimitPartition.GetNoLimiter("")));
            o.OnRejected = (rejected, ct) => RefuseAsync(rejected, settings.Window, ct);
        });
        return services;
    }

    /// <summary>Reads the posted user name before the limiter decides (the form is cached for the page that handles it).</summary>
    public static IApplicationBuilder UseLoginRateLimiting(this IApplicationBuilder app)
    {
        app.Use(async (context, next) =>
        {
            if (IsLoginPost(context) && context.Request.HasFormContentType)
            {
                var form = await context.Request.ReadFormAsync(context.RequestAborted);
                var name = form["Input.UserName"].ToString().Trim();
                if (name.Length > 0)
                    context.Items[UserNameKey] = name.ToUpperInvariant();
            }
            await next(context);
        });
        return app.UseRateLimiter();
    }

    private static bool IsLoginPost(HttpContext context) =>
        HttpMethods.IsPost(context.Request.Method) && context.Request.Path.Equals(LoginPath, StringComparison.OrdinalIgnoreCase);

    private static RateLimitPartition<string> Window(string key, int permits, TimeSpan window) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = window,
            QueueLimit = 0,
        });

    private static async ValueTask RefuseAsync(OnRejectedContext rejected, TimeSpan window, CancellationToken ct)
    {
        var response = rejected.HttpContext.Response;
        var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : window;
        var minutes = Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes));
        response.StatusCode = StatusCodes.Status429TooManyRequests;
        response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        response.ContentType = "text/html; charset=utf-8";
        // The limiter answers before the request's language is set, so it asks the same sources itself.
        var culture = await CultureOfAsync(rejected.HttpContext);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = culture;
        var text = Localization.StaticText.For(typeof(LoginRateLimiting));
        var title = Html(text["Too many sign-in attempts"]);
        var pause = minutes == 1 ? text["Sign-in is paused for a while after many attempts. Wait 1 minute and try again."]
            : text["Sign-in is paused for a while after many attempts. Wait {0} minutes and try again.", minutes];
        await response.WriteAsync(
            $"<!DOCTYPE html><html lang=\"{culture.TwoLetterISOLanguageName}\"><head><meta charset=\"utf-8\"><title>{title} · CareWorkspace</title>" +
            "<link rel=\"stylesheet\" href=\"/app.css\"></head><body><main class=\"login-card\" role=\"alert\">" +
            $"<h1>{title}</h1>" +
            $"<p>{Html(pause)}</p>" +
            $"<p><a href=\"/account/login\">{Html(text["Back to log in"])}</a></p></main></body></html>", ct);
    }

    private static async Task<CultureInfo> CultureOfAsync(HttpContext context)
    {
        var options = context.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<RequestLocalizationOptions>>().Value;
        foreach (var source in options.RequestCultureProviders)
        {
            if (await source.DetermineProviderCultureResult(context) is { } result
                && Localization.CareCultures.Match(result.UICultures.FirstOrDefault().Value) is { } culture)
                return culture;
        }
        return Localization.CareCultures.Default;
    }

    // Our own texts, escaped for markup but with Danish letters kept as they are (UTF-8 page).
    private static string Html(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
}
