using CareWorkspace.Domain.Calendar;
using CareWorkspace.Domain.Common;
using CareWorkspace.Infrastructure.NationalServices;
using static CareWorkspace.UnitTests.Calendar.CalendarTestData;

namespace CareWorkspace.UnitTests.Calendar;

/// <summary>
/// An appointment from the national appointments service (the hospital's booking): imported with its source and any
/// status or time, changed only by its source, and refused with why when someone tries to change it here.
/// </summary>
public sealed class ImportedAppointmentTests
{
    private const string Identifier = "urn:ietf:rfc:3986|urn:uuid:6f1c2a9e-5b1d-4c41-9a51-0d7c3b2e8a11";
    private const string Hospital = "Nordkyst Hospital";

    [Fact]
    public void An_imported_appointment_keeps_its_identifier_and_source_and_may_lie_in_the_past()
    {
        var appointment = Imported(At(11, 2, "09:00", "09:45"), AppointmentStatus.Fulfilled);

        Assert.True(appointment.IsImported);
        Assert.Equal((Identifier, Hospital, AppointmentStatus.Fulfilled), (appointment.ExternalIdentifier, appointment.ExternalSource, appointment.Status));
        Assert.False(Booked(At(12, 3, "10:00", "10:30")).IsImported);
    }

    [Fact]
    public void Nobody_changes_cancels_moves_answers_or_invites_to_an_imported_appointment_here()
    {
        var appointment = Imported(At(12, 10, "09:00", "09:45"), AppointmentStatus.Booked);
        var version = appointment.Version;
        var patient = appointment.Participants.Single(p => p.Kind == ParticipantKind.Patient);

        Action[] attempts =
        [
            () => appointment.Change(version, FollowUp(), At(12, 11, "09:00", "09:45"), [Doctor(), ThePatient()], Stamp()),
            () => appointment.Reschedule(version, At(12, 11, "09:00", "09:45"), Stamp()),
            () => appointment.Cancel(version, "Ill", Stamp()),
            () => appointment.ChangeStatus(version, AppointmentStatus.NoShow, Stamp()),
            () => appointment.Respond(patient.Id, ParticipationStatus.Declined, Stamp()),
            () => appointment.InviteGuest(new AppointmentParticipant(ParticipantKind.Relative, "user-anna", "Anna"), Stamp()),
        ];

        foreach (var attempt in attempts)
        {
            var ex = Assert.Throws<DomainException>(attempt);
            Assert.Equal("This appointment is {0}'s booking, shared through the national appointments service; it can only be changed there.", ex.Template);
        }
        Assert.Equal((AppointmentStatus.Booked, version), (appointment.Status, appointment.Version));
    }

    [Fact]
    public void The_source_moves_and_cancels_it_and_a_booked_appointment_cannot_be_changed_as_if_imported()
    {
        var appointment = Imported(At(12, 10, "09:00", "09:45"), AppointmentStatus.Booked);

        appointment.UpdateFromSource(FollowUp(), At(12, 12, "13:00", "13:30"), [Doctor(), ThePatient()], AppointmentStatus.Cancelled, Stamp());

        Assert.Equal((At(12, 12, "13:00", "13:30"), AppointmentStatus.Cancelled), (appointment.Time, appointment.Status));
        var booked = Booked(At(12, 3, "10:00", "10:30"));
        Assert.Throws<DomainException>(() => booked.UpdateFromSource(FollowUp(), At(12, 4, "10:00", "10:30"), [Doctor()], AppointmentStatus.Booked, Stamp()));
    }

    [Theory]
    [InlineData("Booked", AppointmentStatus.Booked)]
    [InlineData("Pending", AppointmentStatus.Proposed)]
    [InlineData("Proposed", AppointmentStatus.Proposed)]
    [InlineData("Arrived", AppointmentStatus.Arrived)]
    [InlineData("CheckedIn", AppointmentStatus.Arrived)]
    [InlineData("Fulfilled", AppointmentStatus.Fulfilled)]
    [InlineData("Cancelled", AppointmentStatus.Cancelled)]
    [InlineData("EnteredInError", AppointmentStatus.Cancelled)]
    [InlineData("Noshow", AppointmentStatus.NoShow)]
    public void The_national_status_becomes_the_calendar_status(string fhir, AppointmentStatus status) =>
        Assert.Equal(status, SharedAppointmentStatus.ToCalendar(fhir));

    private static Appointment Imported(AppointmentTime time, AppointmentStatus status) =>
        Appointment.Import(Patient, Clinic, FollowUp(), time, [Doctor(), ThePatient()], status, Identifier, Hospital, Stamp());
}
