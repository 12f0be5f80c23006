using CareWorkspace.Domain.Common;
using CareWorkspace.Domain.Patients;

namespace CareWorkspace.UnitTests.Domain;

/// <summary>Adding an organisation needs a reason; an ended membership is history and is never reopened.</summary>
public sealed class CareTeamChangeTests
{
    private static readonly Guid HomeCare = Guid.NewGuid();
    private static readonly DateOnly From = new(2025, 1, 1);
    private static readonly ChangeStamp March = new("Lise Dahl", new DateTimeOffset(2025, 3, 7, 8, 0, 0, TimeSpan.Zero));

    private static Patient NewPatient() => new("Jens", "Hansen", Cpr.Parse("0703921234", CprTests.Today));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void JoinCareTeam_ByAUserWithoutReason_Refused(string reason)
    {
        var patient = NewPatient();

        var ex = Assert.Throws<DomainException>(() => patient.JoinCareTeam(HomeCare, CareTeamRole.HomeCare, new Period(From), null, null, March, reason));

        Assert.Contains("reason", ex.Message, StringComparison.Ordinal);
        Assert.Empty(patient.CareTeam);
    }

    [Fact]
    public void JoinCareTeam_WithReason_KeepsIt()
    {
        var member = NewPatient().JoinCareTeam(HomeCare, CareTeamRole.HomeCare, new Period(From), null, null, March, "Daily help after discharge");

        Assert.Equal("Daily help after discharge", member.Reason);
        Assert.Equal("Lise Dahl", member.ChangedBy);
    }

    [Fact]
    public void ChangeCareTeamMember_EndedMembership_RefusedAsReopening()
    {
        var patient = NewPatient();
        var member = patient.JoinCareTeam(HomeCare, CareTeamRole.HomeCare, new Period(From, new DateOnly(2025, 2, 28)));

        var ex = Assert.Throws<DomainException>(() =>
            patient.ChangeCareTeamMember(member.Id, member.Version, CareTeamRole.HomeCare, null, null, new Period(From), March));

        Assert.Contains("new membership", ex.Message, StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2025, 2, 28), member.To);
    }

    [Fact]
    public void EndCareTeamMembership_AlreadyEnded_Refused()
    {
        var patient = NewPatient();
        var member = patient.JoinCareTeam(HomeCare, CareTeamRole.HomeCare, new Period(From, new DateOnly(2025, 2, 28)));

        Assert.Throws<DomainException>(() => patient.EndCareTeamMembership(member.Id, member.Version, new DateOnly(2025, 3, 7), March));
        Assert.Equal(new DateOnly(2025, 2, 28), member.To);
    }

    [Fact]
    public void ChangeCareTeamMember_EndingToday_StillChangeable()
    {
        // Ending today (Copenhagen) means access until midnight; the membership is not history yet.
        var patient = NewPatient();
        var member = patient.JoinCareTeam(HomeCare, CareTeamRole.HomeCare, new Period(From, new DateOnly(2025, 3, 7)));

        patient.ChangeCareTeamMember(member.Id, member.Version, CareTeamRole.HomeNursing, "Anne", null, new Period(From, new DateOnly(2025, 3, 7)), March);

        Assert.Equal(CareTeamRole.HomeNursing, member.Role);
    }

    [Fact]
    public void ReaddingAfterEnd_IsANewMembership()
    {
        var patient = NewPatient();
        var ended = patient.JoinCareTeam(HomeCare, CareTeamRole.HomeCare, new Period(From, new DateOnly(2025, 2, 28)));

        var again = patient.JoinCareTeam(HomeCare, CareTeamRole.HomeCare, new Period(new DateOnly(2025, 3, 7)), null, null, March, "Home again after second admission");

        Assert.NotEqual(ended.Id, again.Id);
        Assert.Equal(2, patient.CareTeam.Count);
        Assert.Equal(new DateOnly(2025, 2, 28), ended.To);
    }
}
