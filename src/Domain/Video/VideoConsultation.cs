using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Calendar;

namespace CareWorkspace.Domain.Video;

/// <summary>Who takes part in an appointment's video consultation, and who hosts it.</summary>
public static class VideoConsultation
{
    /// <summary>A participant by user account; the patient also as the patient of the record (a patient participant may carry no account).</summary>
    public static bool IsParticipant(Appointment appointment, Actor actor, PatientRelationship relationship) =>
        appointment.Participants.Any(p => p.UserId == actor.UserId)
        || (actor.Role == UserRole.Patient && relationship.PatientUserId == actor.UserId
            && appointment.Participants.Any(p => p.Kind == ParticipantKind.Patient));

    /// <summary>The practitioners taking part host the consultation (the host link); the patient and relatives are guests.</summary>
    public static bool IsHost(Appointment appointment, Actor actor) =>
        actor.IsHealthProfessional && appointment.Participants.Any(p => p.Kind == ParticipantKind.Practitioner && p.UserId == actor.UserId);
}
