using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Blocks;
using CareWorkspace.Domain.Common;
using CareWorkspace.Domain.Organisations;
using static CareWorkspace.UnitTests.Blocks.BlockFixture;

namespace CareWorkspace.UnitTests.Blocks;

public sealed class SharingBlockInputTests
{
    private static readonly BlockTarget Calendar = BlockTarget.WholeSection(PatientSection.Calendar);
    private static readonly BlockAudience Municipalities = BlockAudience.InSectors([Sector.Municipality]);

    private static DomainException Refused(Action action) => Assert.Throws<DomainException>(action);

    [Fact]
    public void ABlockWithoutATarget_IsRefused()
    {
        Assert.Equal("A block needs a target: a whole section or one item.",
            Refused(() => _ = new SharingBlock(PatientId, PatientUserId, null, Municipalities, Jens, Now)).Message);
        Assert.Equal("Choose the item to block.", Refused(() => BlockTarget.Item(BlockedItemKind.Appointment, Guid.Empty, Gp)).Message);
    }

    [Fact]
    public void ABlockWithoutAnAudience_IsRefused()
    {
        Assert.Equal("A block needs an audience: organisations, sectors, or everyone outside the recording organisation.",
            Refused(() => _ = new SharingBlock(PatientId, PatientUserId, Calendar, null, Jens, Now)).Message);
        Assert.Equal("Choose at least one organisation the block is for.", Refused(() => BlockAudience.Organisations([])).Message);
        Assert.Equal("Choose at least one sector the block is for.", Refused(() => BlockAudience.InSectors([])).Message);
    }

    [Fact]
    public void AWholeSection_CannotBeBlockedForEveryoneOutsideTheRecordingOrganisation()
    {
        Assert.Equal("A whole section has no single recording organisation: choose organisations or sectors.",
            Refused(() => _ = new SharingBlock(PatientId, PatientUserId, Calendar, BlockAudience.OutsideRecordingOrganisation(), Jens, Now)).Message);
    }

    [Theory]
    [InlineData(PatientSection.MasterData)]
    [InlineData(PatientSection.CareTeam)]
    [InlineData(PatientSection.Consents)]
    public void SectionsThatKeepTheCareWorking_CannotBeBlocked(PatientSection section)
    {
        Assert.StartsWith($"{section} cannot be blocked", Refused(() => BlockTarget.WholeSection(section)).Message);
    }

    [Fact]
    public void SomeoneWhoIsNotThePatient_AndNotStaff_CannotBlock()
    {
        var otherPatient = new Actor("user-other", "Other", UserRole.Patient, null, null);
        var relative = new Actor("user-relative", "Relative", UserRole.Relative, null, null);

        Assert.Equal("Only the patient, or staff acting for the patient, can block sharing.",
            Refused(() => _ = new SharingBlock(PatientId, PatientUserId, Calendar, Municipalities, otherPatient, Now, "because")).Message);
        Assert.Equal("Only the patient, or staff acting for the patient, can block sharing.",
            Refused(() => _ = new SharingBlock(PatientId, PatientUserId, Calendar, Municipalities, relative, Now, "because")).Message);
    }

    [Fact]
    public void StaffActingForThePatient_MustGiveAReason()
    {
        Assert.Equal("Staff acting for the patient must give a reason for the block.",
            Refused(() => _ = new SharingBlock(PatientId, PatientUserId, Calendar, Municipalities, GpDoctor, Now)).Message);

        var block = new SharingBlock(PatientId, PatientUserId, Calendar, Municipalities, GpDoctor, Now, "Jens asked by phone; cannot log in.");
        Assert.False(block.CreatedByPatient);
        Assert.Equal("Jens asked by phone; cannot log in.", block.CreatedReason);
        Assert.True(Block(Calendar, Municipalities).CreatedByPatient);
    }

    [Fact]
    public void LiftingTwice_OrByStaffWithoutAReason_IsRefused()
    {
        var block = Block(Calendar, Municipalities);
        Assert.Equal("Staff acting for the patient must give a reason for lifting the block.",
            Refused(() => block.Lift(GpDoctor, Now, PatientUserId)).Message);

        block.Lift(Jens, Now, PatientUserId);
        Assert.Equal("The block has already been lifted.", Refused(() => block.Lift(Jens, Now, PatientUserId)).Message);
    }

    [Fact]
    public void AStoredBlock_ReadsBackItsTargetAndAudience()
    {
        var item = BlockTarget.Item(BlockedItemKind.Condition, Guid.NewGuid(), Gp);
        var block = Block(item, BlockAudience.Organisations([Municipality, Municipality, Hospital]));

        Assert.Equal(item, block.Target);
        Assert.Equal([Municipality, Hospital], block.Audience.OrganisationIds);
    }
}
