using Bunit;
using CareWorkspace.Domain.Calendar;
using CareWorkspace.Domain.Common;
using CareWorkspace.Domain.Organisations;
using CareWorkspace.Web.Features.Calendar;

namespace CareWorkspace.UnitTests.Components;

/// <summary>An appointment from the national appointments service carries its source's badge in the calendar; a local one does not.</summary>
public sealed class ImportedAppointmentViewTests : BunitTestBase
{
    private static AppointmentView Appointment(string? source)
    {
        var start = CopenhagenTime.At(new DateOnly(2026, 12, 22), new TimeOnly(9, 0));
        return new AppointmentView(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), null, Guid.NewGuid(), "Nordkyst Hospital", Sector.Hospital,
            AppointmentType.CheckUp, AppointmentMode.InPerson, "Nordkyst Hospital", start, start.AddMinutes(45), AppointmentStatus.Booked, null, null, null, [],
            false, "System: national services sync", null, null, source);
    }

    [Fact]
    public void An_imported_appointment_is_marked_as_the_hospitals_booking_and_a_local_one_is_not()
    {
        var imported = Render<AppointmentEntry>(p => p.Add(c => c.Appointment, Appointment("Nordkyst Hospital")));
        var local = Render<AppointmentEntry>(p => p.Add(c => c.Appointment, Appointment(null)));

        Assert.Equal("From the hospital's booking", imported.Find("[data-testid=appointment-imported-badge]").TextContent.Trim());
        Assert.Empty(local.FindAll("[data-testid=appointment-imported-badge]"));
    }

    [Fact]
    public void The_badge_is_in_Danish_for_a_Danish_reader()
    {
        UseLanguage(Web.Localization.CareCultures.Danish);

        var imported = Render<AppointmentEntry>(p => p.Add(c => c.Appointment, Appointment("Nordkyst Hospital")));

        Assert.Equal("Fra hospitalets booking", imported.Find("[data-testid=appointment-imported-badge]").TextContent.Trim());
    }
}
