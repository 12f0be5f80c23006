using CareWorkspace.Domain.Calendar;
using CareWorkspace.Web.Localization;
using Microsoft.Extensions.Localization;

namespace CareWorkspace.Web.Features.Calendar;

/// <summary>The words for an appointment's type, mode, status and participants, in the reader's language.</summary>
public static class CalendarLabels
{
    private static IStringLocalizer L => StaticText.For(typeof(CalendarLabels));

    public static string For(AppointmentType type) => type switch
    {
        AppointmentType.CheckUp => L["Check-up"],
        AppointmentType.FollowUp => L["Follow-up"],
        AppointmentType.Routine => L["Routine"],
        AppointmentType.Emergency => L["Emergency"],
        AppointmentType.WalkIn => L["Walk-in"],
        AppointmentType.DischargeConference => L["Discharge conference"],
        _ => type.ToString(),
    };

    public static string For(AppointmentMode mode) => mode switch
    {
        AppointmentMode.InPerson => L["In person"],
        AppointmentMode.HomeVisit => L["Home visit"],
        AppointmentMode.Phone => L["Phone"],
        AppointmentMode.Video => L["Video consultation"],
        _ => mode.ToString(),
    };

    public static string For(AppointmentStatus status) => status switch
    {
        AppointmentStatus.Proposed => L["Proposed"],
        AppointmentStatus.Booked => L["Booked"],
        AppointmentStatus.Arrived => L["Arrived"],
        AppointmentStatus.Fulfilled => L["Fulfilled"],
        AppointmentStatus.Cancelled => L["Cancelled"],
        AppointmentStatus.NoShow => L["No-show"],
        _ => status.ToString(),
    };

    public static string For(ParticipationStatus status) => status switch
    {
        ParticipationStatus.NeedsAction => L["Not answered"],
        ParticipationStatus.Accepted => L["Accepted"],
        ParticipationStatus.Declined => L["Declined"],
        ParticipationStatus.Tentative => L["Tentative"],
        _ => status.ToString(),
    };

    public static string For(ParticipantKind kind) => kind switch
    {
        ParticipantKind.Practitioner => L["Practitioner"],
        ParticipantKind.Patient => L["Patient"],
        ParticipantKind.Relative => L["Relative"],
        _ => kind.ToString(),
    };

    public static string For(ParticipantRequirement requirement) => requirement switch
    {
        ParticipantRequirement.Required => L["Required"],
        ParticipantRequirement.Optional => L["Optional"],
        _ => requirement.ToString(),
    };
}
