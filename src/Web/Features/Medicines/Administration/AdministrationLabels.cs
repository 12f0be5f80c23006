using CareWorkspace.Domain.Medicines.Administration;
using CareWorkspace.Web.Localization;
using Microsoft.Extensions.Localization;

namespace CareWorkspace.Web.Features.Medicines.Administration;

/// <summary>The words and colours for a dose's state.</summary>
public static class AdministrationLabels
{
    private static IStringLocalizer L => StaticText.For(typeof(AdministrationLabels));

    public static string For(DoseState state) => state switch
    {
        DoseState.Upcoming => L["Later today"],
        DoseState.Due => L["Due now"],
        DoseState.Missed => L["Missed"],
        DoseState.Given => L["Given"],
        DoseState.NotGiven => L["Not given"],
        DoseState.Refused => L["Refused"],
        _ => state.ToString(),
    };

    public static MudBlazor.Color Colour(DoseState state) => state switch
    {
        DoseState.Missed => MudBlazor.Color.Error,
        DoseState.Due => MudBlazor.Color.Warning,
        DoseState.Given => MudBlazor.Color.Success,
        DoseState.NotGiven or DoseState.Refused => MudBlazor.Color.Secondary,
        _ => MudBlazor.Color.Default,
    };
}
