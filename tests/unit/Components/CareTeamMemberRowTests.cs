using Bunit;
using CareWorkspace.Domain.Organisations;
using CareWorkspace.Domain.Patients;
using CareWorkspace.Web.Features.CareTeam;

namespace CareWorkspace.UnitTests.Components;

/// <summary>One row of the care team tab: what it shows of a member, its buttons, and that it renders only when the member changed.</summary>
public sealed class CareTeamMemberRowTests : BunitTestBase
{
    private static CareTeamMemberView Member(string? person = "Lise Holm", bool canChange = true, bool active = true) =>
        new(Guid.Parse("5d7c4b1e-2f0a-4c55-9e0e-0a1b2c3d4e5f"), Guid.Parse("0f1e2d3c-4b5a-4968-8776-655443322110"),
            Guid.Parse("9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d"), "Havby Home Care", Sector.Municipality, CareTeamRole.HomeCare,
            person, "+45 11 22 33 44", new DateOnly(2026, 11, 2), active ? null : new DateOnly(2026, 11, 20), active, null, null,
            "Daily help", canChange);

    [Fact]
    public void The_member_is_shown_with_a_change_and_an_end_button()
    {
        var cut = Render<CareTeamMemberRow>(p => p.Add(c => c.Member, Member()));

        var row = cut.Find("[data-testid=care-team-row]");
        Assert.Contains("Havby Home Care", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("Lise Holm", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("2 Nov 2026 – ongoing", row.TextContent, StringComparison.Ordinal);
        Assert.Equal(["Change Havby Home Care", "End Havby Home Care"], cut.FindAll("button").Select(b => b.GetAttribute("aria-label")));
    }

    [Fact]
    public void An_ended_membership_is_marked_and_cannot_be_ended_again_and_a_reader_who_may_not_change_it_gets_no_buttons()
    {
        var ended = Render<CareTeamMemberRow>(p => p.Add(c => c.Member, Member(active: false)));
        var readOnly = Render<CareTeamMemberRow>(p => p.Add(c => c.Member, Member(canChange: false)));

        Assert.Contains("care-team--ended", ended.Find("tr").ClassName, StringComparison.Ordinal);
        Assert.Equal(["Change Havby Home Care"], ended.FindAll("button").Select(b => b.GetAttribute("aria-label")));
        Assert.Empty(readOnly.FindAll("button"));
    }

    [Fact]
    public void The_buttons_hand_the_member_to_the_care_team_tab()
    {
        var (changed, ended) = ((CareTeamMemberView?)null, (CareTeamMemberView?)null);
        var cut = Render<CareTeamMemberRow>(p => p
            .Add(c => c.Member, Member())
            .Add(c => c.OnChange, m => changed = m)
            .Add(c => c.OnEnd, m => ended = m));

        cut.Find("button[aria-label='Change Havby Home Care']").Click();
        cut.Find("button[aria-label='End Havby Home Care']").Click();

        Assert.Equal((Member(), Member()), (changed, ended));
    }

    [Fact]
    public void The_same_member_again_is_not_rendered_again_but_a_changed_one_is()
    {
        var cut = Render<CareTeamMemberRow>(p => p.Add(c => c.Member, Member()));

        cut.Render(p => p.Add(c => c.Member, Member()));
        var afterSame = cut.RenderCount;
        cut.Render(p => p.Add(c => c.Member, Member(person: "Mette Berg")));

        Assert.Equal((1, 2), (afterSame, cut.RenderCount));
        cut.WaitForAssertion(() => Assert.Contains("Mette Berg", cut.Find("[data-testid=care-team-row]").TextContent, StringComparison.Ordinal));
    }
}
