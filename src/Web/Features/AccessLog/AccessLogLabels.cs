using CareWorkspace.Domain.Access;
using CareWorkspace.Web.Localization;
using Microsoft.Extensions.Localization;

namespace CareWorkspace.Web.Features.AccessLog;

/// <summary>The words of the access log (page, CSV and PDF) for what was done and whether it was allowed.</summary>
public static class AccessLogLabels
{
    private static IStringLocalizer L => StaticText.For(typeof(AccessLogLabels));

    public static string For(AccessAction action) => L[action switch
    {
        AccessAction.Read => "Read",
        AccessAction.Search => "Found in a search",
        AccessAction.Create => "Added",
        AccessAction.Update => "Changed",
        _ => "Removed",
    }];

    public static string Outcome(bool allowed) => allowed ? L["Allowed"] : L["Refused"];

    public static string EmergencyAccess => L["Emergency access"];
}
