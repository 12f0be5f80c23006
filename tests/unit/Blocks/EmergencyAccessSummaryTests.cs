using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Audit;
using CareWorkspace.Domain.Blocks;
using CareWorkspace.Domain.Common;
using CareWorkspace.Domain.Notifications;
using static CareWorkspace.UnitTests.Blocks.BlockFixture;

namespace CareWorkspace.UnitTests.Blocks;

/// <summary>Issue 14: the patient is told afterwards what an emergency access was used for.</summary>
public sealed class EmergencyAccessSummaryTests
{
    private static readonly DateTimeOffset Start = Now.AddMinutes(-10);

    private static AccessRecord Under(Actor who, PatientSection section, DateTimeOffset at, bool emergency = true, bool allowed = true,
        string what = "Timeline", Guid? patient = null) =>
        new(at, who, patient ?? PatientId, section, what, AccessAction.Read, allowed, "Emergency access: vital", emergencyAccess: emergency);

    [Fact]
    public void Summary_CountsTheCliniciansEmergencyAccessesInTheWindow_BySection_MostFirst()
    {
        var emergency = EmergencyFor(Doctor, TimeSpan.FromHours(1), Start);
        var records = new[]
        {
            Under(Doctor, PatientSection.MasterData, Start, what: EmergencyAccess.StartedRecordWhat),
            Under(Doctor, PatientSection.Timeline, Start.AddMinutes(1)),
            Under(Doctor, PatientSection.Timeline, Start.AddMinutes(2)),
            Under(Doctor, PatientSection.Calendar, Start.AddMinutes(59)),
            Under(Doctor, PatientSection.Calendar, Start.AddMinutes(-1)),
            Under(Doctor, PatientSection.Calendar, Start.AddMinutes(61)),
            Under(Doctor, PatientSection.Conditions, Start.AddMinutes(5), emergency: false),
            Under(Doctor, PatientSection.Conditions, Start.AddMinutes(5), allowed: false),
            Under(OtherDoctor, PatientSection.Conditions, Start.AddMinutes(5)),
            Under(Doctor, PatientSection.Conditions, Start.AddMinutes(5), patient: Guid.NewGuid()),
        };

        var summary = EmergencyAccessSummary.Of(emergency, records);

        Assert.Equal([new AccessedSection(PatientSection.Timeline, 2), new AccessedSection(PatientSection.Calendar, 1)], summary.Accessed);
        Assert.Equal(3, summary.Total);
        Assert.Equal(("Dr. Hospital", "Hospital", Start, Start.AddHours(1)), (summary.ClinicianName, summary.OrganisationName, summary.From, summary.To));
        Assert.Equal(emergency.Reason, summary.Reason);
    }

    [Fact]
    public void Message_CarriesWhoWhyWhenAndWhat_AndLinksToTheHighlightedEntriesOfThoseDays()
    {
        // 23:30 Copenhagen to 00:30 the next day: the link covers both Copenhagen days.
        var start = new DateTimeOffset(2026, 3, 10, 22, 30, 0, TimeSpan.Zero);
        var emergency = EmergencyFor(Doctor, TimeSpan.FromHours(1), start);
        var summary = EmergencyAccessSummary.Of(emergency, [Under(Doctor, PatientSection.Timeline, start.AddMinutes(3))]);

        var message = summary.Message("Jens Hansen");

        Assert.Equal(NotificationKind.EmergencyAccessSummary, message.Kind);
        Assert.Equal(PatientId, message.PatientId);
        Assert.Equal($"my/access-log?patient={PatientId}&emergency=true&from=2026-03-10&to=2026-03-11", message.Link);
        Assert.Equal("Jens Hansen", message.Values[NotificationMessage.Patient]);
        Assert.Equal("Dr. Hospital", message.Values[NotificationMessage.By]);
        Assert.Equal("2026-03-10T22:30:00.0000000Z", message.Values[NotificationMessage.Start]);
        Assert.Equal("2026-03-10T23:30:00.0000000Z", message.Values[NotificationMessage.End]);
        Assert.Equal("Timeline=1", message.Values[NotificationMessage.Accessed]);
        Assert.Equal(summary.Accessed, EmergencyAccessSummary.ParseAccessed(message.Values[NotificationMessage.Accessed]));
    }

    [Fact]
    public void Recipients_AreThePatient_AndRelativesWhoseActiveConsentIncludesTheAccessLog()
    {
        var withLog = new RelativeConsent(PatientId, "user-daughter", [PatientSection.AccessLog, PatientSection.Timeline], Now.AddDays(-5));
        var withoutLog = new RelativeConsent(PatientId, "user-son", [PatientSection.Timeline], Now.AddDays(-5));
        var withdrawn = new RelativeConsent(PatientId, "user-neighbour", [PatientSection.AccessLog], Now.AddDays(-5));
        withdrawn.Withdraw(Now.AddDays(-1), "Jens Hansen", null);
        var patient = Relationship() with { Consents = [withLog, withoutLog, withdrawn] };

        Assert.Equal([PatientUserId, "user-daughter"], EmergencyAccessSummary.Recipients(patient));
    }

    [Fact]
    public void A_window_is_summarised_once_and_only_after_it_has_ended_also_when_ended_early()
    {
        var emergency = EmergencyFor(Doctor, TimeSpan.FromHours(2), Start);

        Assert.Throws<DomainException>(() => emergency.MarkSummarised(Now));

        emergency.EndEarly(Now);
        Assert.Equal(Now, emergency.EndsAt);
        Assert.True(emergency.HasEndedAt(Now));
        Assert.False(emergency.IsActiveAt(Now));
        Assert.Throws<DomainException>(() => emergency.EndEarly(Now.AddMinutes(1)));

        emergency.MarkSummarised(Now.AddMinutes(5));
        Assert.Equal(Now.AddMinutes(5), emergency.SummarisedAt);
        Assert.Throws<DomainException>(() => emergency.MarkSummarised(Now.AddMinutes(6)));
    }
}
