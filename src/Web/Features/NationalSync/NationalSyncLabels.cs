using CareWorkspace.Domain.NationalSync;
using CareWorkspace.Web.Localization;
using Microsoft.Extensions.Localization;

namespace CareWorkspace.Web.Features.NationalSync;

/// <summary>The words of the national sync: the services' names and the states of an item not imported.</summary>
public static class NationalSyncLabels
{
    private static IStringLocalizer L => StaticText.For(typeof(NationalSyncLabels));

    public static string For(NationalService service) => service switch
    {
        NationalService.Person => L["Person register (CPR)"],
        NationalService.Organisation => L["Organisation register (SOR)"],
        NationalService.Medication => L["Shared medication record"],
        NationalService.Appointments => L["Shared appointments"],
        NationalService.HospitalNotifications => L["Hospital notifications"],
        NationalService.Measurements => L["Home measurements"],
        _ => service.ToString(),
    };

    public static string For(ParkedImportState state) => state switch
    {
        ParkedImportState.Rejected => L["Refused as invalid"],
        ParkedImportState.Retrying => L["Waiting to be tried again"],
        ParkedImportState.Parked => L["Parked"],
        _ => state.ToString(),
    };
}
