using CareWorkspace.Domain.Calendar;
using CareWorkspace.Domain.Common;
using CareWorkspace.Domain.Organisations;
using CareWorkspace.Infrastructure.Identity;

namespace CareWorkspace.Infrastructure.Demo;

/// <summary>
/// Jens' joint calendar: the GP's follow-up, the hospital's outpatient check by video, home-care visits, a weekly training
/// series at the rehabilitation centre across both daylight-saving changes of 2026–27, and the discharge conference behind him.
/// </summary>
internal static class DemoCalendar
{
    /// <summary>The training series runs on Thursdays from 1 October 2026 to 29 April 2027: across 25 October and 28 March.</summary>
    public static readonly DateOnly TrainingFirstDay = new(2026, 10, 1);
    public static readonly DateOnly TrainingLastDay = new(2027, 4, 29);

    public static (IReadOnlyList<AppointmentSeries> Series, IReadOnlyList<Appointment> Appointments) ForJens(Guid jensId,
        IReadOnlyDictionary<string, Organisation> bySor, IReadOnlyDictionary<string, CareUser> users, DateTimeOffset now)
    {
        var today = CopenhagenTime.DateOf(now);
        var jens = new AppointmentParticipant(ParticipantKind.Patient, users["jens"].Id, "Jens Jensen");
        var ulla = new AppointmentParticipant(ParticipantKind.Relative, users["ulla"].Id, "Ulla Jensen", ParticipantRequirement.Optional);
        AppointmentParticipant Staff(string userName) => new(ParticipantKind.Practitioner, users[userName].Id, users[userName].DisplayName);
        ChangeStamp By(string userName, string organisationSor, DateTimeOffset at) => new($"{users[userName].DisplayName} ({bySor[organisationSor].Name})", at);

        var appointments = new List<Appointment>();
        var series = new List<AppointmentSeries>();

        appointments.Add(Appointment.Book(jensId, bySor[DemoOrganisations.GpClinicSor].Id,
            new AppointmentDetails(AppointmentType.FollowUp, AppointmentMode.InPerson, "Lægerne Strandvejen, konsultation 2", "Opfølgning efter udskrivelse: KOL og medicin"),
            AppointmentTime.InCopenhagen(today.AddDays(3), new TimeOnly(10, 0), new TimeOnly(10, 20)),
            [Staff("gp.larsen"), jens], By("gp.secretary", DemoOrganisations.GpClinicSor, now.AddDays(-2))));

        var check = Appointment.Book(jensId, bySor[DemoOrganisations.HospitalSor].Id,
            new AppointmentDetails(AppointmentType.CheckUp, AppointmentMode.Video, reason: "Ambulant kontrol af lungefunktion"),
            AppointmentTime.InCopenhagen(today.AddDays(10), new TimeOnly(13, 0), new TimeOnly(13, 30)),
            [Staff("hospital.doctor"), jens, ulla], By("hospital.doctor", DemoOrganisations.HospitalSor, now.AddDays(-5)));
        appointments.Add(check);

        var (visits, visitOccurrences) = AppointmentSeries.Book(jensId, bySor[DemoOrganisations.HomeCareSor].Id,
            new AppointmentDetails(AppointmentType.Routine, AppointmentMode.HomeVisit, reason: "Morgenhjælp og medicindosering"),
            today.AddDays(1), new TimeOnly(8, 0), TimeSpan.FromMinutes(30),
            new Recurrence(1, [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday], count: 20),
            [Staff("careworker.berg"), jens], By("nurse.holm", DemoOrganisations.HomeCareSor, now.AddDays(-1)));
        series.Add(visits);
        appointments.AddRange(visitOccurrences);

        var bookedInSeptember = new DateTimeOffset(2026, 9, 20, 10, 0, 0, TimeSpan.Zero);
        var (training, trainingOccurrences) = AppointmentSeries.Book(jensId, bySor[DemoOrganisations.RehabSor].Id,
            new AppointmentDetails(AppointmentType.Routine, AppointmentMode.InPerson, "Havby Genoptræningscenter, sal 1", "Genoptræning: kondition og styrke"),
            TrainingFirstDay, new TimeOnly(9, 0), TimeSpan.FromHours(1), new Recurrence(1, [DayOfWeek.Thursday], until: TrainingLastDay),
            [Staff("physio.mikkelsen"), jens], By("physio.mikkelsen", DemoOrganisations.RehabSor, bookedInSeptember));
        foreach (var past in trainingOccurrences.Where(o => o.End <= now))
            past.ChangeStatus(past.Version, AppointmentStatus.Fulfilled, By("physio.mikkelsen", DemoOrganisations.RehabSor, past.End));
        series.Add(training);
        appointments.AddRange(trainingOccurrences);

        var conferenceDay = today.AddDays(-16);
        var conference = Appointment.Book(jensId, bySor[DemoOrganisations.HospitalSor].Id,
            new AppointmentDetails(AppointmentType.DischargeConference, AppointmentMode.Video, reason: "Udskrivningskonference: plan for hjemkomst"),
            AppointmentTime.InCopenhagen(conferenceDay, new TimeOnly(13, 0), new TimeOnly(14, 0)),
            [Staff("hospital.doctor"), Staff("gp.larsen"), Staff("nurse.holm"), jens, ulla],
            By("coordinator.dahl", DemoOrganisations.HospitalSor, CopenhagenTime.StartOf(conferenceDay.AddDays(-2))));
        conference.ChangeStatus(conference.Version, AppointmentStatus.Fulfilled, By("coordinator.dahl", DemoOrganisations.HospitalSor, conference.End));
        appointments.Add(conference);

        return (series, appointments);
    }
}
