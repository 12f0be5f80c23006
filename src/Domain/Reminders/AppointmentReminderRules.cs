using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Calendar;

namespace CareWorkspace.Domain.Reminders;

/// <summary>
/// When an appointment is reminded of, and to whom: a booked appointment that starts within the lead time and has not
/// started yet; to the patient (when they have an account) and to each relative whose active consent includes the
/// calendar. A cancelled, missed, attended or merely proposed appointment, or one already begun, gets none.
/// </summary>
public static class AppointmentReminderRules
{
    public static readonly TimeSpan DefaultLeadTime = TimeSpan.FromHours(24);

    public static bool IsDue(AppointmentStatus status, DateTimeOffset start, DateTimeOffset now, TimeSpan leadTime) =>
        status == AppointmentStatus.Booked && start > now && start - leadTime <= now;

    /// <summary>The users to remind, from the relationship as it stands at <see cref="PatientRelationship.AsOf"/>.</summary>
    public static IReadOnlyList<string> Recipients(PatientRelationship patient)
    {
        var recipients = new List<string>();
        if (!string.IsNullOrWhiteSpace(patient.PatientUserId))
            recipients.Add(patient.PatientUserId);
        recipients.AddRange(patient.Consents
            .Where(c => c.PatientId == patient.PatientId && c.GrantsAt(PatientSection.Calendar, patient.AsOf))
            .Select(c => c.RelativeUserId));
        return [.. recipients.Distinct(StringComparer.Ordinal)];
    }
}
