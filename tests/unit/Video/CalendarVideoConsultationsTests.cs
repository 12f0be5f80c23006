using CareWorkspace.Domain.Calendar;
using CareWorkspace.Domain.Organisations;
using CareWorkspace.Web.Features.Calendar;
using CareWorkspace.Web.Features.Video;

namespace CareWorkspace.UnitTests.Video;

/// <summary>The staff calendar's Join prompt watches only the video appointments shown that the user takes part in and that are still to come.</summary>
public sealed class CalendarVideoConsultationsTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    private static AppointmentView Appointment(AppointmentMode mode, string participantUserId, AppointmentStatus status = AppointmentStatus.Booked, double startsInHours = 1) =>
        new(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), null, Guid.NewGuid(), "Lægerne i Havby", Sector.GeneralPractice,
            AppointmentType.CheckUp, mode, null, Now.AddHours(startsInHours), Now.AddHours(startsInHours + 0.5), status, null, null, null,
            [new ParticipantView(Guid.NewGuid(), ParticipantKind.Practitioner, participantUserId, "Someone", ParticipantRequirement.Required, ParticipationStatus.Accepted)],
            false, "Sofie", null, null);

    [Fact]
    public void Watches_my_coming_video_appointments_only()
    {
        var mine = Appointment(AppointmentMode.Video, "u-gp");
        var arrived = Appointment(AppointmentMode.Video, "u-gp", AppointmentStatus.Arrived, startsInHours: -0.25);
        var shown = new[]
        {
            mine,
            arrived,
            Appointment(AppointmentMode.InPerson, "u-gp"),
            Appointment(AppointmentMode.Video, "u-other"),
            Appointment(AppointmentMode.Video, "u-gp", AppointmentStatus.Cancelled),
            Appointment(AppointmentMode.Video, "u-gp", startsInHours: -2),
        };

        var watched = CalendarVideoConsultations.ToWatch(shown, "u-gp", Now);

        Assert.Equal(
            new[] { (mine.PatientId, mine.Id), (arrived.PatientId, arrived.Id) }.OrderBy(w => w.Id),
            watched.Select(w => (w.PatientId, w.AppointmentId)));
    }

    [Fact]
    public void The_same_appointments_in_another_order_are_the_same_watch()
    {
        var a = Appointment(AppointmentMode.Video, "u-gp");
        var b = Appointment(AppointmentMode.Video, "u-gp", startsInHours: 2);

        Assert.Equal(CalendarVideoConsultations.ToWatch([a, b], "u-gp", Now), CalendarVideoConsultations.ToWatch([b, a, a], "u-gp", Now));
    }
}
