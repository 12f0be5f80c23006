using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace CareWorkspace.Web.Localization;

/// <summary>Danish and English: resource files, the culture of each request, MudBlazor's own texts.</summary>
public static class LocalizationSetup
{
    public static IServiceCollection AddCareLocalization(this IServiceCollection services)
    {
        services.AddLocalization();
        services.TryAddSingleton<ResourceManagerStringLocalizerFactory>();
        services.Replace(ServiceDescriptor.Singleton<IStringLocalizerFactory, MissingTextLocalizerFactory>());
        services.AddTransient<MudLocalizer, CareMudLocalizer>();
        services.AddScoped<SignInLanguage>();
        // Replaces Identity's English describer (registered by AddIdentityCore in Infrastructure).
        services.AddScoped<Microsoft.AspNetCore.Identity.IdentityErrorDescriber, Features.Account.CareIdentityErrorDescriber>();
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture(CareCultures.Default);
            options.SupportedCultures = [.. CareCultures.Supported];
            options.SupportedUICultures = [.. CareCultures.Supported];
            options.FallBackToParentCultures = false;
            options.FallBackToParentUICultures = false;
            // Order matters: an explicit link, then this browser's choice, then the person's stored choice, then the browser's languages.
            options.RequestCultureProviders =
            [
                new SupportedCultureProvider(new QueryStringRequestCultureProvider()),
                new SupportedCultureProvider(new CookieRequestCultureProvider()),
                new SupportedCultureProvider(new UserLanguageCultureProvider()),
                new SupportedCultureProvider(new AcceptLanguageHeaderRequestCultureProvider()),
            ];
        });
        return services;
    }

    /// <summary>After authentication, so the signed-in person's stored language can decide.</summary>
    public static IApplicationBuilder UseCareLocalization(this WebApplication app)
    {
        StaticText.UseLogging(app.Services.GetRequiredService<ILoggerFactory>());
        return app.UseRequestLocalization();
    }
}
