using MudBlazor;

namespace CareWorkspace.Web.Components.Layout;

public static class CareTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1f5f8b",
            Secondary = "#2e7d6b",
            AppbarBackground = "#1f5f8b",
        },
    };
}
