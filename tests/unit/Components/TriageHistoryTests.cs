using Bunit;
using CareWorkspace.Domain.Triage;
using CareWorkspace.Infrastructure.Triage;
using CareWorkspace.Web.Features.Triage;
using CareWorkspace.Web.Localization;

namespace CareWorkspace.UnitTests.Components;

/// <summary>A citizen's triage history: the NEWS2/TOBS chart and the table of earlier change forms (Copenhagen time, scores, colour, who).</summary>
public sealed class TriageHistoryTests : BunitTestBase
{
    private static ObservationView Observation(DateTimeOffset at, int? news2, int? tobs, TriageColour suggested, TriageColour? confirmed, string by = "Sara Berg") =>
        new(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "Havby Kommune, Hjemmeplejen", at, by, [], new VitalSigns(),
            new TriageSuggestion(suggested, [], news2 is { } n ? new EarlyWarningScore(n, [], true) : null, tobs is { } t ? new EarlyWarningScore(t, [], true) : null),
            confirmed, confirmed is null ? null : "Anne Holm", null, null, null);

    private static string Cells(AngleSharp.Dom.IElement row) =>
        string.Join(" | ", row.Children.Select(c => string.Join(" ", c.TextContent.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries))));

    [Fact]
    public void The_table_lists_the_change_forms_newest_first_with_Copenhagen_time_scores_colour_and_who()
    {
        // 23:30 UTC on 30 November is 00:30 on 1 December in Copenhagen.
        var older = Observation(new DateTimeOffset(2026, 11, 30, 23, 30, 0, TimeSpan.Zero), 1, 0, TriageColour.Yellow, TriageColour.Green);
        var newer = Observation(new DateTimeOffset(2026, 12, 2, 9, 15, 0, TimeSpan.Zero), 7, 5, TriageColour.Red, null, "Kirsten Lund");

        var cut = Render<TriageHistory>(p => p.Add(c => c.Observations, [older, newer]));

        var rows = cut.FindAll("[data-testid=triage-history-row]");
        Assert.Equal(2, rows.Count);
        Assert.Equal("2 Dec 2026, 10:15 | 7 | 5 | Red (suggested) | Kirsten Lund · Havby Kommune, Hjemmeplejen", Cells(rows[0]));
        Assert.Equal("1 Dec 2026, 00:30 | 1 | 0 | Green | Sara Berg · Havby Kommune, Hjemmeplejen", Cells(rows[1]));
        Assert.Equal("Red", rows[0].QuerySelector("[data-colour]")!.GetAttribute("data-colour"));
        Assert.NotNull(cut.Find("[data-testid=triage-history-chart] svg"));
    }

    [Fact]
    public void Without_scores_the_table_shows_a_dash_and_there_is_no_chart_to_draw()
    {
        var cut = Render<TriageHistory>(p => p.Add(c => c.Observations,
            [Observation(new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.Zero), null, null, TriageColour.Yellow, TriageColour.Yellow)]));

        Assert.Equal("2 Dec 2026, 10:00 | – | – | Yellow | Sara Berg · Havby Kommune, Hjemmeplejen", Cells(cut.Find("[data-testid=triage-history-row]")));
        Assert.Empty(cut.FindAll("[data-testid=triage-history-chart]"));
    }

    [Fact]
    public void No_change_forms_says_so()
    {
        var cut = Render<TriageHistory>(p => p.Add(c => c.Observations, []));

        Assert.Equal("No earlier change forms.", cut.Find("[data-testid=triage-history-empty]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=triage-history-table]"));
    }

    [Fact]
    public void The_history_reads_in_Danish()
    {
        UseLanguage(CareCultures.Danish);

        var cut = Render<TriageHistory>(p => p.Add(c => c.Observations,
            [Observation(new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.Zero), 3, 1, TriageColour.Yellow, null)]));

        Assert.Equal("Historik", cut.Find("#triage-history-heading").TextContent);
        Assert.Contains("(foreslået)", cut.Find("[data-testid=triage-history-row]").TextContent);
    }
}
