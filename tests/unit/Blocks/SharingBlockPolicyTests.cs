using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Blocks;
using CareWorkspace.Domain.Organisations;
using static CareWorkspace.UnitTests.Blocks.BlockFixture;

namespace CareWorkspace.UnitTests.Blocks;

public sealed class SharingBlockPolicyTests
{
    private static readonly Guid Admission = Guid.NewGuid();

    private static BlockTarget AdmissionItem => BlockTarget.Item(BlockedItemKind.TimelineEntry, Admission, Hospital);

    private static bool SeesAdmission(Actor actor, PatientRelationship patient) =>
        PatientAccessPolicy.MaySeeItem(actor, patient, BlockedItemKind.TimelineEntry, Admission, Hospital);

    [Fact]
    public void ASectionBlockedForTheMunicipality_IsRefusedToTheNurse_ButNotToTheGpOrThePatient()
    {
        var patient = Relationship([Block(BlockTarget.WholeSection(PatientSection.Timeline), BlockAudience.InSectors([Sector.Municipality]))]);

        var nurse = PatientAccessPolicy.Decide(Nurse, patient, AccessAction.Read, PatientSection.Timeline);
        Assert.False(nurse.Allowed);
        Assert.Equal("The patient has blocked sharing of Timeline with your organisation.", nurse.Reason);
        Assert.True(PatientAccessPolicy.Decide(GpDoctor, patient, AccessAction.Read, PatientSection.Timeline).Allowed);
        Assert.True(PatientAccessPolicy.Decide(Jens, patient, AccessAction.Read, PatientSection.Timeline).Allowed);
        Assert.True(PatientAccessPolicy.Decide(Nurse, patient, AccessAction.Read, PatientSection.Calendar).Allowed);
    }

    [Fact]
    public void AnItemBlock_DropsOnlyThatItem_AndLeavesTheSectionReadable()
    {
        var patient = Relationship([Block(AdmissionItem, BlockAudience.InSectors([Sector.Municipality]))]);

        Assert.True(PatientAccessPolicy.Decide(Nurse, patient, AccessAction.Read, PatientSection.Timeline).Allowed);
        Assert.False(SeesAdmission(Nurse, patient));
        Assert.True(PatientAccessPolicy.MaySeeItem(Nurse, patient, BlockedItemKind.TimelineEntry, Guid.NewGuid(), Hospital));
        Assert.True(PatientAccessPolicy.MaySeeItem(Nurse, patient, BlockedItemKind.Appointment, Admission, Hospital));
        Assert.True(SeesAdmission(GpDoctor, patient));
        Assert.True(SeesAdmission(Jens, patient));
    }

    [Fact]
    public void VisibleItems_DropsTheBlockedOnes_InOrder()
    {
        var other = Guid.NewGuid();
        var patient = Relationship([Block(AdmissionItem, BlockAudience.Organisations([Municipality]))]);
        var items = new[] { (Id: other, By: (Guid?)Gp), (Id: Admission, By: (Guid?)Hospital) };

        Assert.Equal([other], PatientAccessPolicy.VisibleItems(Nurse, patient, BlockedItemKind.TimelineEntry, items, i => i.Id, i => i.By).Select(i => i.Id));
        Assert.Equal(2, PatientAccessPolicy.VisibleItems(GpDoctor, patient, BlockedItemKind.TimelineEntry, items, i => i.Id, i => i.By).Count);
    }

    [Fact]
    public void ABlockForEveryoneOutsideTheRecordingOrganisation_KeepsItFromAllOthers_ButTheRecorderAndThePatientSeeIt()
    {
        var patient = Relationship([Block(AdmissionItem, BlockAudience.OutsideRecordingOrganisation())]);

        Assert.False(SeesAdmission(Nurse, patient));
        Assert.False(SeesAdmission(GpDoctor, patient));
        Assert.False(SeesAdmission(OtherDoctor, patient));
        Assert.True(SeesAdmission(Doctor, patient));
        Assert.True(SeesAdmission(Jens, patient));
    }

    [Fact]
    public void TheRecordingOrganisation_SeesItsItem_EvenWhenItsSectorIsBlocked()
    {
        var patient = Relationship([Block(AdmissionItem, BlockAudience.InSectors([Sector.Hospital]))]);

        Assert.True(SeesAdmission(Doctor, patient));
        Assert.False(SeesAdmission(OtherDoctor, patient));
        Assert.True(SeesAdmission(Nurse, patient));
    }

    [Fact]
    public void OverlappingBlocks_EachKeepsItsOwnAudience_AndLiftingOneLeavesTheOther()
    {
        var forNurse = Block(AdmissionItem, BlockAudience.Organisations([Municipality]));
        var forSectors = Block(AdmissionItem, BlockAudience.InSectors([Sector.Municipality, Sector.GeneralPractice]));
        var patient = Relationship([forNurse, forSectors]);

        Assert.False(SeesAdmission(Nurse, patient));
        Assert.False(SeesAdmission(GpDoctor, patient));

        forSectors.Lift(Jens, Now, PatientUserId);
        Assert.False(SeesAdmission(Nurse, patient));
        Assert.True(SeesAdmission(GpDoctor, patient));

        forNurse.Lift(Jens, Now, PatientUserId);
        Assert.True(SeesAdmission(Nurse, patient));
    }

    [Fact]
    public void ASectionBlockAndAnItemBlock_Overlap_TheSectionIsRefusedAndTheItemDropped()
    {
        var patient = Relationship(
        [
            Block(BlockTarget.WholeSection(PatientSection.Timeline), BlockAudience.Organisations([Municipality])),
            Block(AdmissionItem, BlockAudience.InSectors([Sector.GeneralPractice])),
        ]);

        Assert.False(PatientAccessPolicy.Decide(Nurse, patient, AccessAction.Read, PatientSection.Timeline).Allowed);
        Assert.True(PatientAccessPolicy.Decide(GpDoctor, patient, AccessAction.Read, PatientSection.Timeline).Allowed);
        Assert.False(SeesAdmission(GpDoctor, patient));
    }

    [Fact]
    public void ALiftedBlock_NoLongerApplies_ButIsKept()
    {
        var block = Block(BlockTarget.WholeSection(PatientSection.Calendar), BlockAudience.InSectors([Sector.Municipality]));
        block.Lift(Jens, Now, PatientUserId);
        var patient = Relationship([block]);

        Assert.True(PatientAccessPolicy.Decide(Nurse, patient, AccessAction.Read, PatientSection.Calendar).Allowed);
        Assert.False(block.IsActive);
        Assert.Equal("Jens Hansen", block.LiftedByName);
        Assert.False(PatientAccessPolicy.HasInformationBlockedFor(Nurse, patient));
    }

    [Fact]
    public void Staff_LearnThatSomethingIsBlocked_WithoutWhat_AndOnlyTheBlockedAudience()
    {
        var patient = Relationship([Block(AdmissionItem, BlockAudience.InSectors([Sector.Municipality]))]);

        Assert.True(PatientAccessPolicy.HasInformationBlockedFor(Nurse, patient));
        Assert.False(PatientAccessPolicy.HasInformationBlockedFor(GpDoctor, patient));
        Assert.False(PatientAccessPolicy.HasInformationBlockedFor(Doctor, patient));
        Assert.False(PatientAccessPolicy.HasInformationBlockedFor(Jens, patient));
    }

    [Fact]
    public void LiveNotices_LeaveOutTheBlockedOrganisations()
    {
        var patient = Relationship(
        [
            Block(BlockTarget.WholeSection(PatientSection.Calendar), BlockAudience.Organisations([Gp])),
            Block(AdmissionItem, BlockAudience.InSectors([Sector.Municipality])),
        ]);

        var calendar = WhoMaySee.Change(patient, PatientSection.Calendar, Audience.CareTeam);
        Assert.DoesNotContain(AudienceKey.ForOrganisation(Gp), calendar);
        Assert.Contains(AudienceKey.ForOrganisation(Municipality), calendar);

        var admission = WhoMaySee.ItemChange(patient, PatientSection.Timeline, Audience.Everyone, BlockedItemKind.TimelineEntry, Admission, Hospital);
        Assert.DoesNotContain(AudienceKey.ForOrganisation(Municipality), admission);
        Assert.Contains(AudienceKey.ForOrganisation(Gp), admission);
        Assert.Contains(AudienceKey.ForOrganisation(Hospital), admission);
        Assert.Contains(AudienceKey.ForUser(PatientUserId), admission);
    }
}
