using Bunit;
using CareWorkspace.Domain.Triage;
using CareWorkspace.Infrastructure.Triage;
using CareWorkspace.Web.Features.TriageBoard;

namespace CareWorkspace.UnitTests.Components;

/// <summary>A column of the triage board: its cards in order, and after a re-read only what changed is rendered again.</summary>
public sealed class TriageBoardColumnTests : BunitTestBase
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    private static BoardCitizen Yellow(string name) =>
        new(Guid.NewGuid(), name, null,
            new BoardObservation(Guid.NewGuid(), Now.AddHours(-3), "Sara Berg", TriageColour.Yellow, TriageColour.Yellow, true, 3, 2, null, null, null, []), null);

    private IRenderedComponent<TriageBoardColumn> RenderColumn(IReadOnlyList<BoardCitizen> citizens) =>
        Render<TriageBoardColumn>(p => p.Add(c => c.Colour, TriageColour.Yellow).Add(c => c.Title, "Yellow").Add(c => c.Citizens, citizens).Add(c => c.Now, Now));

    [Fact]
    public void The_column_shows_its_colour_count_and_cards_in_order()
    {
        var cut = RenderColumn([Yellow("Anna"), Yellow("Bent")]);

        Assert.Equal("triage-column-yellow", cut.Find("section").GetAttribute("data-testid"));
        Assert.Equal("Yellow (2)", cut.Find("h2").TextContent);
        Assert.Equal(["Anna", "Bent"], cut.FindAll("[data-testid=triage-card-name]").Select(a => a.TextContent));
    }

    [Fact]
    public void A_change_to_one_citizen_renders_only_that_citizens_card_and_a_column_without_changes_not_at_all()
    {
        BoardCitizen[] citizens = [Yellow("Anna"), Yellow("Bent"), Yellow("Carl")];
        var cut = RenderColumn(citizens);
        var cards = cut.FindComponents<TriageBoardCard>();
        var cardRenders = cards.Select(c => c.RenderCount).ToList();

        // The board read again after a new change form for Bent: equal cards as new objects, Bent's with the new form.
        var newForm = citizens[1].Latest! with { Id = Guid.NewGuid(), RecordedAt = Now, TobsTotal = 4 };
        BoardCitizen[] again = [citizens[0] with { }, citizens[1] with { Latest = newForm }, citizens[2] with { }];
        cut.Render(p => p.Add(c => c.Citizens, again).Add(c => c.Now, Now.AddSeconds(20)));

        Assert.Equal([cardRenders[0], cardRenders[1] + 1, cardRenders[2]], cards.Select(c => c.RenderCount));
        Assert.Equal("just now · Sara Berg", cut.FindAll("[data-testid=triage-card-since]")[1].TextContent);
        var columnRenders = cut.RenderCount;

        // Read again after a change to a citizen in another column: nothing in this one is rendered, not even the column.
        cut.Render(p => p.Add(c => c.Citizens, again.Select(c => c with { }).ToList()).Add(c => c.Now, Now.AddSeconds(40)));

        Assert.Equal(columnRenders, cut.RenderCount);
        Assert.Equal([cardRenders[0], cardRenders[1] + 1, cardRenders[2]], cards.Select(c => c.RenderCount));
    }

    [Fact]
    public void A_citizen_moving_into_the_column_is_added_in_the_boards_order()
    {
        BoardCitizen[] citizens = [Yellow("Anna"), Yellow("Carl")];
        var cut = RenderColumn(citizens);

        cut.Render(p => p.Add(c => c.Citizens, [citizens[0] with { }, Yellow("Bent"), citizens[1] with { }]).Add(c => c.Now, Now.AddSeconds(20)));

        Assert.Equal("Yellow (3)", cut.Find("h2").TextContent);
        Assert.Equal(["Anna", "Bent", "Carl"], cut.FindAll("[data-testid=triage-card-name]").Select(a => a.TextContent));
    }
}
