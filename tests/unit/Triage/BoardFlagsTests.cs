using CareWorkspace.Domain.Triage;
using CareWorkspace.Infrastructure.Triage;
using CareWorkspace.Web.Features.TriageBoard;

namespace CareWorkspace.UnitTests.Triage;

/// <summary>The board's trend arrows, its "not observed" flag and the order of the triage meeting.</summary>
public sealed class BoardFlagsTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    private static BoardCitizen Citizen(string name, TriageColour? colour, DateTimeOffset? observedAt = null) =>
        new(Guid.NewGuid(), name, null,
            colour is { } c ? new BoardObservation(Guid.NewGuid(), observedAt ?? Now, "Sara Berg", c, c, true, null, null, null, null, null, []) : null,
            null);

    [Theory]
    [InlineData(5, 2, Trend.Rising)]
    [InlineData(2, 5, Trend.Falling)]
    [InlineData(3, 3, Trend.Unchanged)]
    [InlineData(3, null, Trend.None)]
    [InlineData(null, 3, Trend.None)]
    public void Trend_of_a_score(int? now, int? before, Trend expected) => Assert.Equal(expected, BoardFlags.Of(now, before));

    [Fact]
    public void Not_observed_is_flagged_after_the_units_days_and_for_a_citizen_never_observed()
    {
        Assert.True(BoardFlags.NotObservedTooLong(Citizen("A", null), Now, 7));
        Assert.True(BoardFlags.NotObservedTooLong(Citizen("B", TriageColour.Green, Now.AddDays(-7).AddMinutes(-1)), Now, 7));
        Assert.False(BoardFlags.NotObservedTooLong(Citizen("C", TriageColour.Green, Now.AddDays(-7).AddMinutes(1)), Now, 7));
    }

    [Fact]
    public void The_meeting_takes_red_then_yellow_and_leaves_green_and_unobserved_out()
    {
        var citizens = new[]
        {
            Citizen("Yellow one", TriageColour.Yellow), Citizen("Green", TriageColour.Green), Citizen("Red", TriageColour.Red),
            Citizen("Never", null), Citizen("Yellow two", TriageColour.Yellow),
        };

        Assert.Equal(["Red", "Yellow one", "Yellow two"], BoardFlags.ForMeeting(citizens).Select(c => c.Name));
    }

    [Fact]
    public void A_citizen_who_blocked_the_triage_is_in_no_colours_column_or_count_nor_in_the_meeting()
    {
        var blocked = Citizen("Blocked", null) with { BlockedByPatient = true };
        var citizens = new[] { Citizen("Green", TriageColour.Green), blocked, Citizen("Never", null), Citizen("Red", TriageColour.Red) };

        var columns = BoardColumns.Of(citizens);
        Assert.Equal(["Green", "Never"], columns.Green.Select(c => c.Name));
        Assert.Equal(["Red"], columns.In(TriageColour.Red).Select(c => c.Name));
        Assert.Empty(columns.Yellow);
        Assert.Equal([blocked], columns.Blocked);
        Assert.DoesNotContain(blocked, BoardFlags.ForMeeting(citizens));
    }
}
