using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CareWorkspace.Web.Localization;

/// <summary>
/// Texts for static helpers that cannot inject a localizer (label tables such as <c>RoleLabels</c>, validation
/// attributes): <c>StaticText.For(typeof(RoleLabels))["Relative"]</c>. Same resource files, same fallback.
/// </summary>
public static class StaticText
{
    private static IStringLocalizerFactory factory = new MissingTextLocalizerFactory(
        new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance),
        NullLoggerFactory.Instance);

    public static IStringLocalizer For(Type resourceSource) => factory.Create(resourceSource);

    /// <summary>Lets the running app's logging report missing texts of static helpers too.</summary>
    internal static void UseLogging(ILoggerFactory loggers) =>
        factory = new MissingTextLocalizerFactory(
            new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance), loggers);
}
