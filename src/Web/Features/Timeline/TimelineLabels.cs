using CareWorkspace.Domain.Pathway;
using CareWorkspace.Web.Localization;
using Microsoft.Extensions.Localization;

namespace CareWorkspace.Web.Features.Timeline;

public static class TimelineLabels
{
    private static IStringLocalizer L => StaticText.For(typeof(TimelineLabels));

    public static string For(PathwayEventType type) => type switch
    {
        PathwayEventType.Admission => L["Admission"],
        PathwayEventType.Discharge => L["Discharge"],
        PathwayEventType.Appointment => L["Appointment"],
        PathwayEventType.PlanChange => L["Plan change"],
        PathwayEventType.Message => L["Message"],
        PathwayEventType.TeamChange => L["Team change"],
        PathwayEventType.Medication => L["Medication"],
    };
}
