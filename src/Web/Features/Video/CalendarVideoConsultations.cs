using CareWorkspace.Domain.Calendar;
using CareWorkspace.Web.Features.Calendar;

namespace CareWorkspace.Web.Features.Video;

/// <summary>Which of the appointments a calendar shows can bring a live "… started the video consultation — Join".</summary>
public static class CalendarVideoConsultations
{
    /// <summary>
    /// The video appointments shown that this user takes part in and that have not ended or been closed, in a stable
    /// order (so that the same calendar shown again is recognised as the same).
    /// </summary>
    public static IReadOnlyList<(Guid PatientId, Guid AppointmentId)> ToWatch(IEnumerable<AppointmentView> shown, string userId, DateTimeOffset now) =>
        [.. shown
            .Where(a => a.Mode == AppointmentMode.Video && a.End > now && (a.IsOpen || a.Status == AppointmentStatus.Arrived)
                && a.Participants.Any(p => p.UserId == userId))
            .Select(a => (a.PatientId, AppointmentId: a.Id))
            .Distinct()
            .OrderBy(a => a.AppointmentId)];
}
