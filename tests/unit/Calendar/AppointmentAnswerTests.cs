using CareWorkspace.Domain.Calendar;
using CareWorkspace.Domain.Common;
using static CareWorkspace.UnitTests.Calendar.CalendarTestData;

namespace CareWorkspace.UnitTests.Calendar;

public sealed class AppointmentAnswerTests
{
    [Fact]
    public void AParticipant_IsFoundByAccount_AndThePatientByTheirPlace()
    {
        var appointment = Booked(At(12, 3, "10:00", "10:30"), null, Doctor(), new AppointmentParticipant(ParticipantKind.Patient, null, "Jens Jensen"));

        Assert.Equal("Dr. Larsen", appointment.ParticipantFor("gp-larsen", isThePatient: false)?.Name);
        Assert.Equal("Jens Jensen", appointment.ParticipantFor("user-jens", isThePatient: true)?.Name);
        Assert.Null(appointment.ParticipantFor("user-jens", isThePatient: false));
        Assert.Null(appointment.ParticipantFor("someone-else", isThePatient: false));
    }

    [Fact]
    public void Declining_ChangesOnlyThatParticipant_AndStampsWhoAnswered()
    {
        var appointment = Booked(At(12, 3, "10:00", "10:30"));
        var patient = appointment.ParticipantFor("user-jens", isThePatient: true)!;

        appointment.Respond(patient.Id, ParticipationStatus.Declined, new ChangeStamp("Jens Jensen", Now));

        Assert.Equal(ParticipationStatus.Declined, patient.Status);
        Assert.Equal(ParticipationStatus.NeedsAction, appointment.ParticipantFor("gp-larsen", false)!.Status);
        Assert.Equal("Jens Jensen", appointment.ChangedBy);
    }

    [Fact]
    public void NoAnswer_AndAnsweringACancelledAppointment_AreRefused()
    {
        var appointment = Booked(At(12, 3, "10:00", "10:30"));
        var doctor = appointment.ParticipantFor("gp-larsen", false)!;

        var none = Assert.Throws<DomainException>(() => appointment.Respond(doctor.Id, ParticipationStatus.NeedsAction, Stamp()));
        Assert.Equal("Accept or decline the appointment.", none.Message);

        appointment.Cancel(appointment.Version, "Ill", Stamp());
        Assert.Throws<DomainException>(() => appointment.Respond(doctor.Id, ParticipationStatus.Accepted, Stamp()));
        Assert.Equal(ParticipationStatus.NeedsAction, doctor.Status);
    }
}
