using CareWorkspace.Domain.Access;
using CareWorkspace.Web.Features.Pathway;

namespace CareWorkspace.UnitTests.Components;

/// <summary>
/// A live change re-renders the pathway page only when its header shows something else: the comparison is by what
/// is shown, not by which read built it.
/// </summary>
public sealed class PathwayHeaderSameTests
{
    private static PathwayHeader Header(string? gp = "Lægehuset", string[]? conditions = null, PatientSection[]? visible = null) =>
        new(Guid.Parse("2f6d1c1e-5a8e-4a51-9d39-0b7f3c1a9e11"), "Jens Jensen", "010150-1234", 76, "Mette Jensen", "+45 11 22 33 44", gp,
            [.. conditions ?? ["Heart failure"]], new HashSet<PatientSection>(visible ?? [PatientSection.MasterData, PatientSection.CareTeam]));

    [Fact]
    public void Two_reads_of_the_same_header_are_the_same() =>
        Assert.True(PathwayHeader.Same(Header(), Header()));

    [Fact]
    public void A_changed_field_a_changed_condition_or_a_changed_tab_set_is_not_the_same()
    {
        Assert.False(PathwayHeader.Same(Header(), Header(gp: null)));
        Assert.False(PathwayHeader.Same(Header(), Header(conditions: ["Heart failure", "Diabetes"])));
        Assert.False(PathwayHeader.Same(Header(), Header(visible: [PatientSection.MasterData])));
        Assert.False(PathwayHeader.Same(Header(), null));
    }
}
