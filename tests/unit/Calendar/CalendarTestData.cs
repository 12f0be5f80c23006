using CareWorkspace.Domain.Calendar;
using CareWorkspace.Domain.Common;

namespace CareWorkspace.UnitTests.Calendar;

internal static class CalendarTestData
{
    public static readonly Guid Patient = Guid.Parse("11111111-1111-1111-1111-111111111111");
    public static readonly Guid OtherPatient = Guid.Parse("22222222-2222-2222-2222-222222222222");
    public static readonly Guid Clinic = Guid.Parse("33333333-3333-3333-3333-333333333333");

    /// <summary>Sunday 29 November 2026, noon in Copenhagen.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 29, 11, 0, 0, TimeSpan.Zero);

    public static ChangeStamp Stamp(DateTimeOffset? at = null) => new("Sofie Nielsen (Lægehuset)", at ?? Now);

    public static AppointmentDetails FollowUp(string? location = "Lægehuset, konsultation 2") =>
        new(AppointmentType.FollowUp, AppointmentMode.InPerson, location, "Follow-up after discharge");

    public static AppointmentParticipant Doctor(string userId = "gp-larsen", string name = "Dr. Larsen") =>
        new(ParticipantKind.Practitioner, userId, name);

    public static AppointmentParticipant ThePatient() => new(ParticipantKind.Patient, "user-jens", "Jens Jensen");

    public static AppointmentTime At(int month, int day, string from, string to, int year = 2026) =>
        AppointmentTime.InCopenhagen(new DateOnly(year, month, day), TimeOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture),
            TimeOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture));

    public static Appointment Booked(AppointmentTime time, Guid? patient = null, params AppointmentParticipant[] participants) =>
        Appointment.Book(patient ?? Patient, Clinic, FollowUp(), time, participants.Length > 0 ? participants : [Doctor(), ThePatient()], Stamp());
}
