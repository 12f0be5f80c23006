using Bunit;
using CareWorkspace.Domain.Triage;
using CareWorkspace.Infrastructure.Triage;
using CareWorkspace.Web.Features.TriageBoard;

namespace CareWorkspace.UnitTests.Components;

/// <summary>A long column cut into runs of cards: a card leaving or changing renders its own run again, not the column's other runs.</summary>
public sealed class TriageBoardCardGroupTests : BunitTestBase
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    private static BoardCitizen Green(int i) =>
        new(Guid.NewGuid(), $"Borger {i:000}", null,
            new BoardObservation(Guid.NewGuid(), Now.AddDays(-2), "Sara Berg", TriageColour.Green, TriageColour.Green, true, 0, 0, null, null, null, []), null);

    private static List<BoardCitizen> Column(int count) => [.. Enumerable.Range(0, count).Select(Green)];

    [Fact]
    public void The_runs_keep_the_columns_order_and_each_but_the_last_ends_at_the_citizen_it_is_named_after()
    {
        var citizens = Column(400);

        var runs = CardGroups.Of(citizens);

        Assert.Equal(citizens, runs.SelectMany(r => r.Citizens));
        Assert.InRange(runs.Count, 400 / CardGroups.AverageLength / 3, 400 / CardGroups.AverageLength * 3);
        Assert.All(runs.Where(r => r.Key != Guid.Empty), r => Assert.Equal(r.Key, r.Citizens[^1].PatientId));
        Assert.Equal(runs.Select(r => r.Key).Distinct().Count(), runs.Count);
    }

    [Fact]
    public void A_citizen_leaving_the_column_changes_only_the_run_it_was_in()
    {
        var citizens = Column(400);
        var before = CardGroups.Of(citizens);
        var leaving = citizens.Where(c => before.All(r => r.Key != c.PatientId)).ElementAt(100);

        var after = CardGroups.Of([.. citizens.Where(c => c != leaving)]);

        Assert.Equal(before.Select(r => r.Key), after.Select(r => r.Key));
        var changed = before.Zip(after).Where(pair => !pair.First.Citizens.SequenceEqual(pair.Second.Citizens)).ToList();
        Assert.Single(changed);
        Assert.Contains(leaving, changed[0].First.Citizens);
    }

    [Fact]
    public void After_a_change_to_one_citizen_only_the_run_with_that_card_renders_again()
    {
        var citizens = Column(200);
        var cut = Render<TriageBoardColumn>(p => p.Add(c => c.Colour, TriageColour.Green).Add(c => c.Title, "Green")
            .Add(c => c.Citizens, citizens).Add(c => c.Now, Now));
        var runs = cut.FindComponents<TriageBoardCardGroup>();
        Assert.True(runs.Count > 5, $"200 cards in {runs.Count} runs");
        var renders = runs.Select(r => r.RenderCount).ToList();
        var changing = citizens[37];

        var newForm = changing.Latest! with { Id = Guid.NewGuid(), RecordedAt = Now, News2Total = 1 };
        var again = citizens.Select(c => c == changing ? c with { Latest = newForm } : c with { }).ToList();
        cut.Render(p => p.Add(c => c.Citizens, again).Add(c => c.Now, Now.AddSeconds(20)));

        var rendered = runs.Where((run, i) => run.RenderCount != renders[i]).ToList();
        var run = Assert.Single(rendered);
        Assert.Contains(changing.PatientId.ToString(), run.Markup, StringComparison.Ordinal);
        Assert.Equal(200, cut.FindAll("[data-testid=triage-card]").Count);
    }
}
