using MudBlazor;

namespace CareWorkspace.Web.Components.Layout;

public static class CareTheme
{
    // MudBlazor's default warning, info, success and error colours are too light for text on white (WCAG 2.1 AA
    // asks 4.5:1): these darker shades reach at least 5:1 on white, and white text on them as well. Secondary text
    // (field labels, helper text) is darker than MudBlazor's 54 % black, which fell to 4.48:1 on the page's grey.
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1f5f8b",
            Secondary = "#2e7d6b",
            AppbarBackground = "#1f5f8b",
            Info = "#0b5394",
            Success = "#2e7d32",
            Warning = "#9a5200",
            Error = "#b3261e",
            TextSecondary = "rgba(0,0,0,0.66)",
        },
        // In rem, so that the app bar (and the content below it) grows with the reader's text size.
        LayoutProperties = new LayoutProperties { AppbarHeight = "4rem" },
    };
}
