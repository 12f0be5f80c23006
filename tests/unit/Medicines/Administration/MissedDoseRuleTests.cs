using CareWorkspace.Domain.Medicines.Administration;

namespace CareWorkspace.UnitTests.Medicines.Administration;

public sealed class MissedDoseRuleTests
{
    private static readonly DateTimeOffset Eight = new(2026, 12, 1, 7, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(-61, DoseState.Upcoming)]
    [InlineData(-60, DoseState.Due)]
    [InlineData(0, DoseState.Due)]
    [InlineData(60, DoseState.Due)]
    [InlineData(61, DoseState.Missed)]
    [InlineData(600, DoseState.Missed)]
    public void WithNothingRecorded_TheStateFollowsTheBands(int minutesAfter, DoseState expected)
    {
        Assert.Equal(expected, MissedDoseRule.StateOf(Eight, null, Eight.AddMinutes(minutesAfter)));
    }

    [Fact]
    public void JustPastTheGracePeriod_ADoseIsMissed()
    {
        Assert.Equal(DoseState.Due, MissedDoseRule.StateOf(Eight, null, Eight + MissedDoseRule.Grace));
        Assert.Equal(DoseState.Missed, MissedDoseRule.StateOf(Eight, null, Eight + MissedDoseRule.Grace + TimeSpan.FromTicks(1)));
    }

    [Theory]
    [InlineData(AdministrationOutcome.Given, DoseState.Given)]
    [InlineData(AdministrationOutcome.NotGiven, DoseState.NotGiven)]
    [InlineData(AdministrationOutcome.Refused, DoseState.Refused)]
    public void ARecordedDose_IsNeverMissed(AdministrationOutcome outcome, DoseState expected)
    {
        Assert.Equal(expected, MissedDoseRule.StateOf(Eight, outcome, Eight.AddHours(10)));
    }
}
