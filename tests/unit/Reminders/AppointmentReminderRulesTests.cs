using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Calendar;
using CareWorkspace.Domain.Reminders;

namespace CareWorkspace.UnitTests.Reminders;

public sealed class AppointmentReminderRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Lead = TimeSpan.FromHours(24);
    private static readonly Guid PatientId = Guid.NewGuid();

    [Theory]
    [InlineData(1, true)]
    [InlineData(23.9, true)]
    [InlineData(24, true)]
    [InlineData(24.1, false)]
    [InlineData(72, false)]
    public void A_booked_appointment_is_due_from_the_lead_time_before_it_starts(double hoursAhead, bool due)
    {
        Assert.Equal(due, AppointmentReminderRules.IsDue(AppointmentStatus.Booked, Now.AddHours(hoursAhead), Now, Lead));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-0.5)]
    [InlineData(-48)]
    public void An_appointment_that_has_started_or_is_past_is_never_due(double hoursAhead)
    {
        Assert.False(AppointmentReminderRules.IsDue(AppointmentStatus.Booked, Now.AddHours(hoursAhead), Now, Lead));
    }

    [Theory]
    [InlineData(AppointmentStatus.Cancelled)]
    [InlineData(AppointmentStatus.Proposed)]
    [InlineData(AppointmentStatus.NoShow)]
    [InlineData(AppointmentStatus.Arrived)]
    [InlineData(AppointmentStatus.Fulfilled)]
    public void Only_booked_appointments_are_reminded_of(AppointmentStatus status)
    {
        Assert.False(AppointmentReminderRules.IsDue(status, Now.AddHours(2), Now, Lead));
    }

    [Fact]
    public void The_lead_time_is_the_configured_one()
    {
        var twoHours = TimeSpan.FromHours(2);

        Assert.False(AppointmentReminderRules.IsDue(AppointmentStatus.Booked, Now.AddHours(3), Now, twoHours));
        Assert.True(AppointmentReminderRules.IsDue(AppointmentStatus.Booked, Now.AddHours(1), Now, twoHours));
    }

    [Fact]
    public void The_patient_and_relatives_whose_consent_includes_the_calendar_are_reminded()
    {
        var relationship = Relationship("jens",
            Consent("ulla", PatientSection.Calendar, PatientSection.MasterData),
            Consent("sven", PatientSection.Timeline, PatientSection.CareTeam));

        Assert.Equal(["jens", "ulla"], AppointmentReminderRules.Recipients(relationship));
    }

    [Fact]
    public void A_withdrawn_or_expired_consent_reminds_no_one()
    {
        var withdrawn = Consent("ulla", PatientSection.Calendar);
        withdrawn.Withdraw(Now.AddDays(-1));
        var expired = new RelativeConsent(PatientId, "sven", [PatientSection.Calendar], Now.AddDays(-30), validUntil: new DateOnly(2026, 11, 20));

        Assert.Empty(AppointmentReminderRules.Recipients(Relationship(null, withdrawn, expired)));
    }

    [Fact]
    public void A_patient_without_an_account_is_not_reminded_but_their_relative_is()
    {
        Assert.Equal(["ulla"], AppointmentReminderRules.Recipients(Relationship(null, Consent("ulla", PatientSection.Calendar))));
    }

    private static PatientRelationship Relationship(string? patientUserId, params RelativeConsent[] consents) =>
        new(PatientId, patientUserId, [], consents, Now);

    private static RelativeConsent Consent(string relativeUserId, params PatientSection[] sections) =>
        new(PatientId, relativeUserId, sections, Now.AddDays(-10));
}
