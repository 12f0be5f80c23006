using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Blocks;
using CareWorkspace.Domain.Common;
using CareWorkspace.Domain.Organisations;
using static CareWorkspace.UnitTests.Blocks.BlockFixture;

namespace CareWorkspace.UnitTests.Blocks;

public sealed class EmergencyAccessTests
{
    private static SharingBlock HospitalsBlockedFromTimeline() =>
        Block(BlockTarget.WholeSection(PatientSection.Timeline), BlockAudience.InSectors([Sector.Hospital]));

    [Fact]
    public void ActiveEmergencyAccess_OpensTheBlockedSection_MarkedAsEmergencyWithTheReason()
    {
        var patient = Relationship([HospitalsBlockedFromTimeline()], [EmergencyFor(Doctor)]);

        var decision = PatientAccessPolicy.Decide(Doctor, patient, AccessAction.Read, PatientSection.Timeline);

        Assert.True(decision.Allowed);
        Assert.True(decision.UnderEmergencyAccess);
        Assert.Equal("Unconscious in the emergency room, need admission history.", decision.EmergencyReason);
    }

    [Fact]
    public void EmergencyAccess_IsTheClinicians_Own_NotAColleaguesAndOnlyWhereSomethingIsBlocked()
    {
        var patient = Relationship([HospitalsBlockedFromTimeline()], [EmergencyFor(Doctor)]);
        var colleague = Doctor with { UserId = "user-colleague" };

        Assert.False(PatientAccessPolicy.Decide(colleague, patient, AccessAction.Read, PatientSection.Timeline).Allowed);
        var unblocked = PatientAccessPolicy.Decide(Doctor, patient, AccessAction.Read, PatientSection.Calendar);
        Assert.True(unblocked.Allowed);
        Assert.False(unblocked.UnderEmergencyAccess);
    }

    [Fact]
    public void EmergencyAccess_ShowsABlockedItem_MarkedAsEmergency()
    {
        var admission = Guid.NewGuid();
        var patient = Relationship([Block(BlockTarget.Item(BlockedItemKind.TimelineEntry, admission, Gp), BlockAudience.OutsideRecordingOrganisation())],
            [EmergencyFor(Doctor)]);

        var decision = PatientAccessPolicy.DecideItem(Doctor, patient, BlockedItemKind.TimelineEntry, admission, Gp);

        Assert.True(decision.Allowed);
        Assert.True(decision.UnderEmergencyAccess);
        Assert.False(PatientAccessPolicy.MaySeeItem(Nurse, patient, BlockedItemKind.TimelineEntry, admission, Gp));
    }

    [Fact]
    public void ACopy_LeavesOutTheBlockedItem_EvenUnderEmergencyAccess_ButNotForTheRecorderOrAnUnblockedItem()
    {
        var admission = Guid.NewGuid();
        var patient = Relationship([Block(BlockTarget.Item(BlockedItemKind.TimelineEntry, admission, Gp), BlockAudience.OutsideRecordingOrganisation())],
            [EmergencyFor(Doctor)]);

        Assert.Equal([admission], PatientAccessPolicy.ItemIdsKeptOutOfCopies(Doctor, patient, BlockedItemKind.TimelineEntry));
        Assert.Equal([admission], PatientAccessPolicy.ItemIdsKeptOutOfCopies(Nurse, patient, BlockedItemKind.TimelineEntry));
        Assert.Empty(PatientAccessPolicy.ItemIdsKeptOutOfCopies(GpDoctor, patient, BlockedItemKind.TimelineEntry));
        Assert.Empty(PatientAccessPolicy.ItemIdsKeptOutOfCopies(Jens, patient, BlockedItemKind.TimelineEntry));
        Assert.Empty(PatientAccessPolicy.ItemIdsKeptOutOfCopies(Nurse, patient, BlockedItemKind.Appointment));
    }

    [Fact]
    public void EmergencyAccess_LastsTwoHoursByDefault_AndThenTheBlockHoldsAgain()
    {
        var started = Now.AddMinutes(-10);
        var emergency = EmergencyFor(Doctor, at: started);
        Assert.Equal(started.AddHours(2), emergency.EndsAt);

        var justBefore = Relationship([HospitalsBlockedFromTimeline()], [emergency], asOf: emergency.EndsAt.AddSeconds(-1));
        var atTheEnd = Relationship([HospitalsBlockedFromTimeline()], [emergency], asOf: emergency.EndsAt);

        Assert.True(PatientAccessPolicy.Decide(Doctor, justBefore, AccessAction.Read, PatientSection.Timeline).Allowed);
        Assert.Equal(TimeSpan.FromSeconds(1), emergency.TimeLeftAt(justBefore.AsOf));
        Assert.False(PatientAccessPolicy.Decide(Doctor, atTheEnd, AccessAction.Read, PatientSection.Timeline).Allowed);
        Assert.Null(PatientAccessPolicy.ActiveEmergencyAccess(Doctor, atTheEnd));
    }

    [Fact]
    public void EmergencyAccess_ExpiresAtTheSameInstant_AcrossTheDaylightSavingChange()
    {
        // Copenhagen moves to summer time at 02:00 on 29 March 2026: two hours from 01:30 is 04:30 local time.
        var started = new DateTimeOffset(2026, 3, 29, 1, 30, 0, TimeSpan.FromHours(1));
        var emergency = EmergencyFor(Doctor, at: started);

        Assert.Equal(new DateTimeOffset(2026, 3, 29, 4, 30, 0, TimeSpan.FromHours(2)), emergency.EndsAt);
        Assert.Equal(new TimeOnly(4, 30), CopenhagenTime.TimeOf(emergency.EndsAt));
    }

    [Fact]
    public void EmergencyAccess_CanBeShorter_ButNotLongerThanTheMaximum()
    {
        Assert.Equal(TimeSpan.FromMinutes(30), EmergencyFor(Doctor, TimeSpan.FromMinutes(30)).EndsAt - (Now.AddMinutes(-10)));
        var rules = new EmergencyAccessRules(TimeSpan.FromHours(2), TimeSpan.FromHours(3));

        var tooLong = Assert.Throws<DomainException>(() => new EmergencyAccess(PatientId, Doctor, "Vital: unconscious, allergies unknown", Now, TimeSpan.FromHours(4), rules));
        Assert.Equal("Emergency access can last at most 180 minutes.", tooLong.Message);
        Assert.Throws<DomainException>(() => new EmergencyAccess(PatientId, Doctor, "Vital: unconscious, allergies unknown", Now, TimeSpan.Zero, rules));
    }

    [Theory]
    [InlineData(null, "Reason for emergency access is required.")]
    [InlineData("   ", "Reason for emergency access is required.")]
    [InlineData("need it", "Write the vital reason for emergency access in at least 10 characters.")]
    public void EmergencyAccess_WithoutAWrittenReason_IsRefused(string? reason, string message)
    {
        var ex = Assert.Throws<DomainException>(() => new EmergencyAccess(PatientId, Doctor, reason, Now, null, EmergencyAccessRules.Standard));
        Assert.Equal(message, ex.Message);
    }

    [Fact]
    public void EmergencyAccess_IsForClinicians_NotForThePatientOrRelatives()
    {
        var ex = Assert.Throws<DomainException>(() => new EmergencyAccess(PatientId, Jens, "Vital: unconscious, allergies unknown", Now, null, EmergencyAccessRules.Standard));
        Assert.Equal("Only a clinician of an organisation on the care team can use emergency access.", ex.Message);
    }
}
