using System.Globalization;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace CareWorkspace.Web.Localization;

/// <summary>
/// MudBlazor's built-in texts (close buttons, pager, date picker) in our languages. The keys are MudBlazor's own
/// (e.g. <c>MudDialog_Close</c>); a key we do not translate falls back to MudBlazor's English.
/// </summary>
internal sealed class CareMudLocalizer(ResourceManagerStringLocalizerFactory resources) : MudLocalizer
{
    private readonly IStringLocalizer texts = resources.Create(typeof(CareMudLocalizer));

    // In English MudBlazor's own texts are right; only Danish needs ours.
    public override LocalizedString this[string key] =>
        CareCultures.IsDanish(CultureInfo.CurrentUICulture) ? texts[key] : new LocalizedString(key, key, resourceNotFound: true);

    public override LocalizedString this[string key, params object[] arguments] =>
        CareCultures.IsDanish(CultureInfo.CurrentUICulture) ? texts[key, arguments] : new LocalizedString(key, key, resourceNotFound: true);
}
