namespace CareWorkspace.Web.Features.Calendar;

/// <summary>How a calendar shows its period: a list of the coming appointments, one day, a week, or a month.</summary>
public enum CalendarLayout
{
    Agenda,
    Day,
    Week,
    Month,
}
