using CareWorkspace.Domain.Pathway;

namespace CareWorkspace.Web.Features.Timeline;

public static class TimelineLabels
{
    public static string For(PathwayEventType type) => type switch
    {
        PathwayEventType.Admission => "Admission",
        PathwayEventType.Discharge => "Discharge",
        PathwayEventType.Appointment => "Appointment",
        PathwayEventType.PlanChange => "Plan change",
        PathwayEventType.Message => "Message",
        PathwayEventType.TeamChange => "Team change",
    };
}
