using CareWorkspace.Domain.Calendar;
using static CareWorkspace.UnitTests.Calendar.CalendarTestData;

namespace CareWorkspace.UnitTests.Calendar;

public sealed class AppointmentConflictsTests
{
    [Fact]
    public void AnOverlapForThePatient_IsAConflict()
    {
        var existing = Booked(At(12, 3, "10:00", "11:00"), Patient, Doctor("nurse-holm", "Nurse Holm"));

        var conflicts = AppointmentConflicts.Find(Patient, [Doctor()], [At(12, 3, "10:30", "11:30")], [existing]);

        var conflict = Assert.Single(conflicts);
        Assert.Equal(ConflictKind.Patient, conflict.Kind);
        Assert.Equal(existing.Id, conflict.AppointmentId);
    }

    [Fact]
    public void AnOverlapForAPractitioner_WithAnotherPatient_IsAConflictNamingOnlyThePractitioner()
    {
        var existing = Booked(At(12, 3, "10:00", "11:00"), OtherPatient, Doctor());

        var conflict = Assert.Single(AppointmentConflicts.Find(Patient, [Doctor()], [At(12, 3, "10:45", "11:15")], [existing]));

        Assert.Equal(ConflictKind.Practitioner, conflict.Kind);
        Assert.Equal("Dr. Larsen", conflict.PractitionerName);
    }

    [Fact]
    public void BackToBack_IsNoConflict()
    {
        var existing = Booked(At(12, 3, "10:00", "11:00"));

        Assert.Empty(AppointmentConflicts.Find(Patient, [Doctor()], [At(12, 3, "11:00", "11:30")], [existing]));
    }

    [Fact]
    public void ACancelledAppointment_IsIgnored()
    {
        var existing = Booked(At(12, 3, "10:00", "11:00"));
        existing.Cancel(existing.Version, "Ill", Stamp());

        Assert.Empty(AppointmentConflicts.Find(Patient, [Doctor()], [At(12, 3, "10:00", "11:00")], [existing]));
    }

    [Fact]
    public void AnotherPatientWithOtherPractitioners_IsNoConflict()
    {
        var existing = Booked(At(12, 3, "10:00", "11:00"), OtherPatient, Doctor("nurse-holm", "Nurse Holm"));

        Assert.Empty(AppointmentConflicts.Find(Patient, [Doctor()], [At(12, 3, "10:00", "11:00")], [existing]));
    }

    [Fact]
    public void TheAppointmentBeingChanged_DoesNotConflictWithItself()
    {
        var existing = Booked(At(12, 3, "10:00", "11:00"));

        Assert.Empty(AppointmentConflicts.Find(Patient, [Doctor()], [At(12, 3, "10:30", "11:30")], [existing], new HashSet<Guid> { existing.Id }));
    }

    [Fact]
    public void AnyOccurrenceOfAPlannedSeries_CanConflict()
    {
        var existing = Booked(At(12, 17, "09:30", "10:00"));
        var series = new Recurrence(1, [DayOfWeek.Thursday], count: 4).Occurrences(new DateOnly(2026, 12, 3), new TimeOnly(9, 0), TimeSpan.FromHours(1));

        var conflict = Assert.Single(AppointmentConflicts.Find(Patient, [Doctor("physio")], series, [existing]));

        Assert.Equal(existing.Start, conflict.Start);
    }
}
