using CareWorkspace.Domain.Calendar;
using CareWorkspace.Domain.Organisations;

namespace CareWorkspace.Web.Features.Calendar;

internal static class AppointmentViews
{
    public static AppointmentView For(Appointment a, IEnumerable<Organisation> organisations)
    {
        var organisation = organisations.FirstOrDefault(o => o.Id == a.OrganisationId);
        return new AppointmentView(a.Id, a.Version, a.PatientId, a.SeriesId, a.OrganisationId, organisation?.Name ?? "", organisation?.Sector ?? Sector.Hospital,
            a.Type, a.Mode, a.Location, a.Start, a.End, a.Status, a.CancellationReason, a.Reason, a.Notes,
            a.Participants.OrderBy(p => p.Kind).ThenBy(p => p.Name, StringComparer.CurrentCulture).Select(p => new ParticipantView(p.Id, p.Kind, p.UserId, p.Name, p.Requirement, p.Status)).ToList(),
            a.VideoMeeting is not null, a.BookedBy, a.ChangedBy, a.ChangedAt, a.IsImported ? a.ExternalSource : null);
    }
}
