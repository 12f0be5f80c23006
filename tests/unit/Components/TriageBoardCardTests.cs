using Bunit;
using CareWorkspace.Domain.Triage;
using CareWorkspace.Infrastructure.Triage;
using CareWorkspace.Web.Features.TriageBoard;
using CareWorkspace.Web.Localization;

namespace CareWorkspace.UnitTests.Components;

/// <summary>A citizen's card on the triage board: colour, latest change, scores with trend, responsible, time since, flags.</summary>
public sealed class TriageBoardCardTests : BunitTestBase
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    private static BoardObservation Observation(TriageColour colour, DateTimeOffset at, int? news2 = 6, int? previousNews2 = 2, int? tobs = 3, int? previousTobs = 3,
        TriageColour? previousColour = TriageColour.Green, params ItemAnswer[] changed) =>
        new(Guid.NewGuid(), at, "Sara Berg", colour, colour, false, news2, tobs, previousColour, previousNews2, previousTobs, changed);

    private static ActionPlanView Plan(DateTimeOffset due, bool overdue, string? responsible = "Anne Holm") =>
        new(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), null, TriageColour.Red, "Call the GP", "Fluids every hour", due, responsible,
            "Anne Holm", Now.AddHours(-30), [], true, overdue, false, null, false, null, null, null);

    private IRenderedComponent<TriageBoardCard> RenderCard(BoardCitizen citizen, int flagAfterDays = 7) =>
        Render<TriageBoardCard>(p => p.Add(c => c.Citizen, citizen).Add(c => c.Now, Now).Add(c => c.FlagAfterDays, flagAfterDays)
            .Add(c => c.ItemName, key => key == "bowels" ? "Bowels" : key));

    [Fact]
    public void A_red_citizen_shows_colour_change_rising_NEWS2_responsible_and_time_since()
    {
        var citizen = new BoardCitizen(Guid.NewGuid(), "Jens Jensen", "Kirsten Lund",
            Observation(TriageColour.Red, Now.AddHours(-3), changed: new ItemAnswer("bowels", true, "No stool for 4 days")),
            Plan(Now.AddHours(1), overdue: false));

        var cut = RenderCard(citizen);

        Assert.Equal("red", cut.Find("[data-testid=triage-card]").GetAttribute("data-colour"));
        Assert.Equal("Red", cut.Find("[data-testid=triage-card-colour]").TextContent);
        Assert.Equal("Jens Jensen", cut.Find("[data-testid=triage-card-name]").TextContent);
        Assert.Equal($"patients/{citizen.PatientId}/triage", cut.Find("[data-testid=triage-card-name]").GetAttribute("href"));
        Assert.Equal("Bowels (No stool for 4 days)", cut.Find("[data-testid=triage-card-change]").TextContent.Trim());
        Assert.Equal("6 ↑ rising", cut.Find("[data-testid=triage-card-news2]").TextContent);
        Assert.Equal("3 → unchanged", cut.Find("[data-testid=triage-card-tobs]").TextContent);
        Assert.Equal("Green", cut.Find("[data-testid=triage-card-previous-colour]").TextContent);
        Assert.Equal("Anne Holm", cut.Find("[data-testid=triage-card-responsible]").TextContent);
        Assert.Equal("3 h ago · Sara Berg", cut.Find("[data-testid=triage-card-since]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=triage-flag-overdue]"));
        Assert.Empty(cut.FindAll("[data-testid=triage-flag-not-observed]"));
    }

    [Fact]
    public void A_citizen_who_blocked_triage_from_the_unit_shows_only_that_something_is_blocked_no_colour_and_no_flag()
    {
        var citizen = new BoardCitizen(Guid.NewGuid(), "Jens Jensen", "Kirsten Lund", null, null, BlockedByPatient: true);

        var cut = RenderCard(citizen);

        Assert.Equal("Jens Jensen", cut.Find("[data-testid=triage-card-name]").TextContent);
        Assert.Equal("Some information is blocked by the patient.", cut.Find("[data-testid=triage-card-blocked]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=triage-card-colour]"));
        Assert.Empty(cut.FindAll("[data-testid=triage-flag-not-observed]"));
        Assert.Empty(cut.FindAll("[data-testid=triage-card-news2]"));
    }

    [Fact]
    public void A_card_is_rendered_again_only_when_what_it_shows_changes()
    {
        var latest = Observation(TriageColour.Yellow, Now.AddHours(-3));
        var citizen = new BoardCitizen(Guid.NewGuid(), "Jens Jensen", "Kirsten Lund", latest, null);
        var cut = RenderCard(citizen);
        var renders = cut.RenderCount;

        // The board read again after another citizen's change: an equal card, a new object.
        cut.Render(p => p.Add(c => c.Citizen, citizen with { }).Add(c => c.Now, Now.AddSeconds(20)));
        Assert.Equal(renders, cut.RenderCount);

        // An hour later the time since the change form reads differently.
        cut.Render(p => p.Add(c => c.Citizen, citizen with { }).Add(c => c.Now, Now.AddHours(1)));
        Assert.Equal("4 h ago · Sara Berg", cut.Find("[data-testid=triage-card-since]").TextContent);

        // A new change form for this citizen.
        cut.Render(p => p.Add(c => c.Citizen, citizen with { Latest = Observation(TriageColour.Red, Now.AddHours(1)) }).Add(c => c.Now, Now.AddHours(1)));
        Assert.Equal("red", cut.Find("[data-testid=triage-card]").GetAttribute("data-colour"));
        Assert.Equal(renders + 2, cut.RenderCount);
    }

    [Fact]
    public void An_overdue_plan_and_a_citizen_not_observed_for_too_long_are_flagged()
    {
        var citizen = new BoardCitizen(Guid.NewGuid(), "Inger Madsen", "Kirsten Lund",
            Observation(TriageColour.Yellow, Now.AddDays(-8), news2: null, previousNews2: null), Plan(Now.AddHours(-2), overdue: true, responsible: null));

        var cut = RenderCard(citizen);

        Assert.Contains("Action plan overdue", cut.Find("[data-testid=triage-flag-overdue]").TextContent, StringComparison.Ordinal);
        Assert.Contains("Not observed for more than 7 days", cut.Find("[data-testid=triage-flag-not-observed]").TextContent, StringComparison.Ordinal);
        Assert.Equal("not measured", cut.Find("[data-testid=triage-card-news2]").TextContent);
        // No one named on the plan: the unit's contact person for the citizen.
        Assert.Equal("Kirsten Lund", cut.Find("[data-testid=triage-card-responsible]").TextContent);
    }

    [Fact]
    public void A_unit_that_flags_after_ten_days_does_not_flag_eight()
    {
        var citizen = new BoardCitizen(Guid.NewGuid(), "Inger Madsen", null, Observation(TriageColour.Green, Now.AddDays(-8)), null);

        Assert.Empty(RenderCard(citizen, flagAfterDays: 10).FindAll("[data-testid=triage-flag-not-observed]"));
        Assert.Single(RenderCard(citizen, flagAfterDays: 7).FindAll("[data-testid=triage-flag-not-observed]"));
    }

    [Fact]
    public void A_citizen_never_observed_is_green_and_flagged_in_Danish_too()
    {
        UseLanguage(CareCultures.Danish);
        var cut = RenderCard(new BoardCitizen(Guid.NewGuid(), "Ole Nielsen", null, null, null));

        Assert.Equal("Grøn", cut.Find("[data-testid=triage-card-colour]").TextContent);
        Assert.Contains("Endnu ikke observeret", cut.Find("[data-testid=triage-flag-not-observed]").TextContent, StringComparison.Ordinal);
        Assert.Equal("Intet ændringsskema endnu", cut.Find("[data-testid=triage-card-change]").TextContent.Trim());
        Assert.Equal("Ikke angivet", cut.Find("[data-testid=triage-card-responsible]").TextContent);
    }
}
