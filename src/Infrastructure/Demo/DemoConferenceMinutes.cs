using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Calendar;
using CareWorkspace.Domain.Conferences;
using CareWorkspace.Domain.Organisations;
using CareWorkspace.Domain.Pathway;
using CareWorkspace.Infrastructure.Identity;

namespace CareWorkspace.Infrastructure.Demo;

/// <summary>
/// The finished minutes of Jens' discharge conference behind him (booked by <see cref="DemoCalendar"/>): hospital, GP and
/// home care each wrote their part, the coordinator's colleague finished it, and it is on the timeline.
/// </summary>
internal static class DemoConferenceMinutes
{
    public static (ConferenceMinutes Minutes, PathwayEvent Held)? For(IEnumerable<Appointment> appointments,
        IReadOnlyDictionary<string, Organisation> bySor, IReadOnlyDictionary<string, CareUser> users, DateTimeOffset now)
    {
        var conference = appointments.FirstOrDefault(a => a.Type == AppointmentType.DischargeConference && a.End <= now);
        if (conference is null)
            return null;
        Actor Staff(string userName, string sor) =>
            new(users[userName].Id, users[userName].DisplayName, users[userName].Role, bySor[sor].Id, bySor[sor].Name);
        var doctor = Staff("hospital.doctor", DemoOrganisations.HospitalSor);
        var gp = Staff("gp.larsen", DemoOrganisations.GpClinicSor);
        var nurse = Staff("nurse.holm", DemoOrganisations.HomeCareSor);

        var minutes = new ConferenceMinutes(conference.Id, conference.PatientId);
        var at = conference.Start.AddMinutes(15);
        minutes.Write(doctor, Sector.Hospital,
            "KOL-exacerbation behandlet; udskrives fredag. Iltbehandling 2 L/min i hvile, prednisolon nedtrappes over 5 dage. Epikrise sendes ved udskrivelse.",
            null, at);
        minutes.Write(gp, Sector.GeneralPractice,
            "Opfølgende konsultation hos egen læge inden for 7 dage efter udskrivelse: lungefunktion, medicingennemgang og inhalationsteknik.",
            null, at.AddMinutes(5));
        minutes.Write(nurse, Sector.Municipality,
            "Hjemmepleje morgen og aften fra udskrivelsesdagen; sygeplejebesøg lørdag til medicindosering og kontrol af ilt. Henvisning til genoptræning.",
            null, at.AddMinutes(10));
        minutes.Finish(doctor,
        [
            new ConferenceAttendee(doctor.DisplayName, doctor.OrganisationName),
            new ConferenceAttendee(gp.DisplayName, gp.OrganisationName),
            new ConferenceAttendee(nurse.DisplayName, nurse.OrganisationName),
            new ConferenceAttendee(users["jens"].DisplayName, null),
            new ConferenceAttendee(users["ulla"].DisplayName, null),
        ], conference.End);

        var held = PathwayEvent.DischargeConferenceHeld(conference.PatientId, conference.End, bySor[DemoOrganisations.HospitalSor], conference.Id, conference.Start,
            doctor.DisplayName, minutes.Attendees.Select(a => a.Name), minutes.Entries.Select(e => (e.AuthorName, e.Text)));
        return (minutes, held);
    }
}
