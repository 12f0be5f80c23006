using CareWorkspace.Web.Features.Calendar;

namespace CareWorkspace.UnitTests.Calendar;

public sealed class CalendarLinksTests
{
    [Fact]
    public void ALinkToAnAppointment_IsReadBackByTheCalendar()
    {
        var (patientId, appointmentId) = (Guid.NewGuid(), Guid.NewGuid());

        var link = CalendarLinks.Appointment(patientId, appointmentId);

        Assert.Equal(appointmentId, CalendarLinks.RequestedAppointment("https://care.example" + link));
    }

    [Theory]
    [InlineData("https://care.example/patients/1/calendar")]
    [InlineData("https://care.example/patients/1/calendar?appointment=not-an-id")]
    [InlineData("https://care.example/patients/1/calendar?other=3")]
    public void AnAddressWithoutAnAppointmentId_AsksForNone(string uri) => Assert.Null(CalendarLinks.RequestedAppointment(uri));
}
