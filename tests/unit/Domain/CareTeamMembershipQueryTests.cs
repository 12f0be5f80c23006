using CareWorkspace.Domain.Common;
using CareWorkspace.Domain.Patients;

namespace CareWorkspace.UnitTests.Domain;

/// <summary>The query forms of "in the care team on a day" give the same answer as the membership itself, at every edge.</summary>
public sealed class CareTeamMembershipQueryTests
{
    private static readonly Guid HomeCare = Guid.NewGuid();
    private static readonly DateOnly Start = new(2026, 11, 10);
    private static readonly DateOnly End = new(2026, 11, 20);

    public static TheoryData<string, int> Days => new()
    {
        { "open", -1 }, { "open", 0 }, { "open", 400 },
        { "ended", -1 }, { "ended", 0 }, { "ended", 10 }, { "ended", 11 },
    };

    [Theory]
    [MemberData(nameof(Days))]
    public void ActiveOn_agrees_with_IsActiveOn(string kind, int offset)
    {
        var membership = Member(kind);
        var day = Start.AddDays(offset);

        Assert.Equal(membership.IsActiveOn(day), CareTeamMembership.ActiveOn(day).Compile()(membership));
    }

    [Theory]
    [MemberData(nameof(Days))]
    public void OfOrganisationOn_is_ActiveOn_for_that_organisation_only(string kind, int offset)
    {
        var membership = Member(kind);
        var day = Start.AddDays(offset);

        Assert.Equal(membership.IsActiveOn(day), CareTeamMembership.OfOrganisationOn(HomeCare, day).Compile()(membership));
        Assert.False(CareTeamMembership.OfOrganisationOn(Guid.NewGuid(), day).Compile()(membership));
    }

    [Fact]
    public void The_edges_are_inclusive()
    {
        var membership = Member("ended");

        Assert.False(CareTeamMembership.ActiveOn(Start.AddDays(-1)).Compile()(membership));
        Assert.True(CareTeamMembership.ActiveOn(Start).Compile()(membership));
        Assert.True(CareTeamMembership.ActiveOn(End).Compile()(membership));
        Assert.False(CareTeamMembership.ActiveOn(End.AddDays(1)).Compile()(membership));
    }

    private static CareTeamMembership Member(string kind)
    {
        var patient = new Patient("Jens", "Jensen", Cpr.Parse("070392-1234", CprTests.Today));
        return patient.JoinCareTeam(HomeCare, CareTeamRole.HomeCare, new Period(Start, kind == "ended" ? End : null));
    }
}
