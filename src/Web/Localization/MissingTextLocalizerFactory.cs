using System.Collections.Concurrent;
using Microsoft.Extensions.Localization;

namespace CareWorkspace.Web.Localization;

/// <summary>
/// The app's <see cref="IStringLocalizerFactory"/>: resource files as usual, but a text missing at run time is
/// shown as its key (readable English, since keys are the English text) and logged once as a warning, never thrown.
/// </summary>
internal sealed class MissingTextLocalizerFactory(ResourceManagerStringLocalizerFactory resources, ILoggerFactory loggers)
    : IStringLocalizerFactory
{
    private readonly ILogger logger = loggers.CreateLogger("CareWorkspace.Web.Localization.MissingText");
    private readonly ConcurrentDictionary<string, bool> reported = new();

    // Texts found, kept for the life of the app (resource files do not change while it runs). The resource manager takes
    // a lock on every look-up: with a hundred circuits rendering the same change at once, they queued on it.
    private readonly ConcurrentDictionary<(string Source, string Culture, string Name), LocalizedString> found = new();

    public IStringLocalizer Create(Type resourceSource) =>
        new MissingTextLocalizer(resources.Create(resourceSource), resourceSource.FullName ?? resourceSource.Name, Report, found);

    public IStringLocalizer Create(string baseName, string location) =>
        new MissingTextLocalizer(resources.Create(baseName, location), baseName, Report, found);

    private void Report(string source, string key, string culture, string problem)
    {
        if (reported.TryAdd($"{source}|{key}|{culture}|{problem}", true))
            logger.LogWarning("Text {Key} of {Source} is {Problem} for {Culture}; showing the key instead", key, source, problem, culture);
    }
}

/// <summary>One resource's texts; see <see cref="MissingTextLocalizerFactory"/>.</summary>
internal sealed class MissingTextLocalizer(IStringLocalizer inner, string source, Action<string, string, string, string> report,
    ConcurrentDictionary<(string Source, string Culture, string Name), LocalizedString> found)
    : IStringLocalizer
{
    public LocalizedString this[string name]
    {
        get
        {
            var text = Lookup(name);
            if (text.ResourceNotFound)
                report(source, name, System.Globalization.CultureInfo.CurrentUICulture.Name, "missing");
            return text;
        }
    }

    public LocalizedString this[string name, params object[] arguments]
    {
        get
        {
            var text = this[name];
            try
            {
                return new LocalizedString(name, string.Format(System.Globalization.CultureInfo.CurrentCulture, text.Value, arguments),
                    text.ResourceNotFound, text.SearchedLocation);
            }
            catch (FormatException)
            {
                report(source, name, System.Globalization.CultureInfo.CurrentUICulture.Name, "badly formatted");
                return new LocalizedString(name, text.Value, resourceNotFound: true, text.SearchedLocation);
            }
        }
    }

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => inner.GetAllStrings(includeParentCultures);

    private LocalizedString Lookup(string name)
    {
        // Only texts that exist are kept: their number is bounded by the resource files, whatever keys callers pass.
        var key = (source, System.Globalization.CultureInfo.CurrentUICulture.Name, name);
        if (found.TryGetValue(key, out var known))
            return known;
        try
        {
            var text = inner[name];
            if (!text.ResourceNotFound)
                found.TryAdd(key, text);
            return text;
        }
        catch (Exception ex) when (ex is System.Resources.MissingManifestResourceException or InvalidOperationException)
        {
            return new LocalizedString(name, name, resourceNotFound: true);
        }
    }
}
