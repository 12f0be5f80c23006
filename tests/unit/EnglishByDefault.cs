using System.Globalization;
using System.Runtime.CompilerServices;

namespace CareWorkspace.UnitTests;

/// <summary>Tests assert English texts and formats unless a test chooses Danish itself.</summary>
internal static class EnglishByDefault
{
    [ModuleInitializer]
    internal static void Apply()
    {
        var english = CultureInfo.GetCultureInfo("en-GB");
        CultureInfo.DefaultThreadCurrentCulture = english;
        CultureInfo.DefaultThreadCurrentUICulture = english;
        CultureInfo.CurrentCulture = english;
        CultureInfo.CurrentUICulture = english;
    }
}
