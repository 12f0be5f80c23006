namespace CareWorkspace.Domain.Calendar;

/// <summary>Double bookings: a planned appointment overlapping another for the same patient or the same practitioner. Cancelled ones do not count.</summary>
public static class AppointmentConflicts
{
    /// <param name="times">The planned time, or every occurrence of a planned series.</param>
    /// <param name="existing">Appointments that might overlap (the caller loads those of the patient and of the practitioners around the times).</param>
    /// <param name="ignoring">The appointments being changed themselves.</param>
    public static IReadOnlyList<AppointmentConflict> Find(Guid patientId, IEnumerable<AppointmentParticipant> participants,
        IEnumerable<AppointmentTime> times, IEnumerable<Appointment> existing, IReadOnlySet<Guid>? ignoring = null)
    {
        var practitioners = participants.Where(p => p.Kind == ParticipantKind.Practitioner && p.UserId is not null)
            .GroupBy(p => p.UserId!).ToDictionary(g => g.Key, g => g.First().Name);
        var planned = times.ToList();
        var conflicts = new List<AppointmentConflict>();
        foreach (var other in existing)
        {
            if (other.Status == AppointmentStatus.Cancelled || (ignoring?.Contains(other.Id) ?? false))
                continue;
            if (!planned.Any(t => t.Overlaps(other.Start, other.End)))
                continue;
            if (other.PatientId == patientId)
            {
                conflicts.Add(new AppointmentConflict(other.Id, ConflictKind.Patient, null, other.Start, other.End));
                continue;
            }
            var shared = other.Participants.FirstOrDefault(p => p.Kind == ParticipantKind.Practitioner && p.UserId is not null && practitioners.ContainsKey(p.UserId));
            if (shared is not null)
                conflicts.Add(new AppointmentConflict(other.Id, ConflictKind.Practitioner, practitioners[shared.UserId!], other.Start, other.End));
        }
        return conflicts.OrderBy(c => c.Start).ToList();
    }
}
