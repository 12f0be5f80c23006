using CareWorkspace.Domain.Calendar;
using CareWorkspace.Domain.Common;
using static CareWorkspace.UnitTests.Calendar.CalendarTestData;

namespace CareWorkspace.UnitTests.Calendar;

public sealed class AppointmentTests
{
    [Fact]
    public void Booking_StoresUtcInstantsOfTheCopenhagenTimes()
    {
        var appointment = Booked(At(12, 3, "10:00", "10:30"));

        Assert.Equal(new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero), appointment.Start);
        Assert.Equal(TimeSpan.Zero, appointment.Start.Offset);
        Assert.Equal(AppointmentStatus.Booked, appointment.Status);
        Assert.Equal("Sofie Nielsen (Lægehuset)", appointment.BookedBy);
    }

    [Fact]
    public void AnEndBeforeTheStart_IsRefused()
    {
        var ex = Assert.Throws<DomainException>(() => At(12, 3, "10:00", "09:30"));

        Assert.Equal("The appointment must end after it starts.", ex.Template);
    }

    [Fact]
    public void BookingInThePast_IsRefused()
    {
        var ex = Assert.Throws<DomainException>(() => Booked(At(11, 29, "11:00", "11:30")));

        Assert.Equal("An appointment cannot be booked in the past.", ex.Template);
    }

    [Fact]
    public void InPersonWithoutALocation_IsRefused_ButAHomeVisitNeedsNone()
    {
        Assert.Throws<DomainException>(() => new AppointmentDetails(AppointmentType.Routine, AppointmentMode.InPerson, "  "));
        Assert.Null(new AppointmentDetails(AppointmentType.Routine, AppointmentMode.HomeVisit).Location);
    }

    [Fact]
    public void WithoutAPractitioner_OrWithTheSamePersonTwice_IsRefused()
    {
        Assert.Throws<DomainException>(() => Booked(At(12, 3, "10:00", "10:30"), null, ThePatient()));
        Assert.Throws<DomainException>(() => Booked(At(12, 3, "10:00", "10:30"), null, Doctor(), Doctor()));
    }

    [Theory]
    [InlineData(AppointmentStatus.Booked, AppointmentStatus.Arrived, true)]
    [InlineData(AppointmentStatus.Booked, AppointmentStatus.Fulfilled, true)]
    [InlineData(AppointmentStatus.Booked, AppointmentStatus.NoShow, true)]
    [InlineData(AppointmentStatus.Arrived, AppointmentStatus.Fulfilled, true)]
    [InlineData(AppointmentStatus.Proposed, AppointmentStatus.Booked, true)]
    [InlineData(AppointmentStatus.Proposed, AppointmentStatus.Arrived, false)]
    [InlineData(AppointmentStatus.Fulfilled, AppointmentStatus.Booked, false)]
    [InlineData(AppointmentStatus.Cancelled, AppointmentStatus.Booked, false)]
    [InlineData(AppointmentStatus.NoShow, AppointmentStatus.Fulfilled, false)]
    [InlineData(AppointmentStatus.Arrived, AppointmentStatus.NoShow, false)]
    public void StatusTransitions(AppointmentStatus from, AppointmentStatus to, bool allowed)
    {
        Assert.Equal(allowed, AppointmentLifecycle.MayMove(from, to));
    }

    [Fact]
    public void ArrivedThenFulfilled_OnceItHasBegun()
    {
        var appointment = Booked(At(12, 3, "10:00", "10:30"));
        var during = Stamp(appointment.Start.AddMinutes(5));

        appointment.ChangeStatus(appointment.Version, AppointmentStatus.Arrived, during);
        appointment.Touch();
        appointment.ChangeStatus(appointment.Version, AppointmentStatus.Fulfilled, during);

        Assert.Equal(AppointmentStatus.Fulfilled, appointment.Status);
    }

    [Fact]
    public void MarkingANoShowBeforeTheStart_IsRefused()
    {
        var appointment = Booked(At(12, 3, "10:00", "10:30"));

        var ex = Assert.Throws<DomainException>(() => appointment.ChangeStatus(appointment.Version, AppointmentStatus.NoShow, Stamp()));

        Assert.Equal("An appointment can be marked {0} only once it has begun.", ex.Template);
        Assert.Equal(AppointmentStatus.Booked, appointment.Status);
    }

    [Fact]
    public void AFulfilledAppointment_CannotBeBookedAgainOrRescheduled()
    {
        var appointment = Booked(At(12, 3, "10:00", "10:30"));
        appointment.ChangeStatus(appointment.Version, AppointmentStatus.Fulfilled, Stamp(appointment.End));

        Assert.Throws<DomainException>(() => appointment.ChangeStatus(appointment.Version, AppointmentStatus.Booked, Stamp(appointment.End)));
        Assert.Throws<DomainException>(() => appointment.Reschedule(appointment.Version, At(12, 4, "10:00", "10:30"), Stamp()));
    }

    [Fact]
    public void Cancelling_NeedsAReason_AndKeepsIt()
    {
        var appointment = Booked(At(12, 3, "10:00", "10:30"));

        var ex = Assert.Throws<DomainException>(() => appointment.Cancel(appointment.Version, " ", Stamp()));
        Assert.Equal("Give the reason for cancelling the appointment.", ex.Template);
        Assert.Equal(AppointmentStatus.Booked, appointment.Status);

        appointment.Cancel(appointment.Version, "Admitted to hospital", Stamp());
        Assert.Equal(AppointmentStatus.Cancelled, appointment.Status);
        Assert.Equal("Admitted to hospital", appointment.CancellationReason);
    }

    [Fact]
    public void AStaleEdit_IsRefusedWithWhoChangedItAndTheStoredValues()
    {
        var appointment = Booked(At(12, 3, "10:00", "10:30"));
        var opened = appointment.Version;
        appointment.Reschedule(opened, At(12, 3, "11:00", "11:30"), new ChangeStamp("Ulla Holm", Now));
        appointment.Touch(); // the save moves the version

        var ex = Assert.Throws<StaleEditException>(() => appointment.Cancel(opened, "Not needed", Stamp()));

        Assert.Equal("Ulla Holm", ex.ChangedBy);
        Assert.Equal("2026-12-03 11:00", ex.CurrentValues["Start"]);
        Assert.Equal(AppointmentStatus.Booked, appointment.Status);
    }

    [Fact]
    public void ReschedulingIntoThePast_IsRefused()
    {
        var appointment = Booked(At(12, 3, "10:00", "10:30"));

        Assert.Throws<DomainException>(() => appointment.Reschedule(appointment.Version, At(11, 28, "10:00", "10:30"), Stamp()));
        Assert.Equal(new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero), appointment.Start);
    }
}
