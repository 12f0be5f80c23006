using System.Globalization;
using Bunit;
using CareWorkspace.Web.Localization;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace CareWorkspace.UnitTests.Components;

/// <summary>
/// Base for component tests: MudBlazor, the app's localisation and English texts (existing assertions are English);
/// a test of the Danish texts calls <see cref="UseLanguage"/>.
/// </summary>
public abstract class BunitTestBase : BunitContext
{
    protected BunitTestBase()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddScoped<CareWorkspace.Web.Components.Layout.OverlayDemand>();
        Services.AddCareLocalization();
        UseLanguage(CareCultures.English);
    }

    /// <summary>Renders the rest of the test in <paramref name="culture"/> (flows with the test's async context).</summary>
    protected static void UseLanguage(CultureInfo culture)
    {
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = culture;
    }
}
