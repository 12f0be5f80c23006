using CareWorkspace.Domain.Medicines.Administration;

namespace CareWorkspace.UnitTests.Medicines.Administration;

public sealed class DoseTimesTests
{
    [Theory]
    [InlineData("1 tablet kl. 8 og 20", "08:00,20:00")]
    [InlineData("2 pust 08:00 and 20:00", "08:00,20:00")]
    [InlineData("1 tablet kl. 7.30, 13.00 og 21.15", "07:30,13:00,21:15")]
    [InlineData("1 tablet morning and evening", "08:00,18:00")]
    [InlineData("1 tablet morgen, middag og aften", "08:00,12:00,18:00")]
    [InlineData("1 tablet til natten", "22:00")]
    [InlineData("1 tablet 3 gange dagligt", "08:00,14:00,20:00")]
    [InlineData("2 puffs 2 times daily", "08:00,20:00")]
    [InlineData("1 kapsel 4 x dagligt", "08:00,12:00,18:00,22:00")]
    [InlineData("1 tablet dagligt", "08:00")]
    [InlineData("1 tablet once a day", "08:00")]
    public void ReadsTheTimes_FromTheDoseText(string text, string expected)
    {
        Assert.Equal(expected, string.Join(",", DoseTimes.Of(text, asNeeded: false).Select(t => t.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture))));
    }

    [Theory]
    [InlineData("efter behov")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("se aftale med lægen")]
    [InlineData("kl. 25")]
    public void ATextThatNamesNoTime_HasNoScheduledDoses(string? text)
    {
        Assert.Empty(DoseTimes.Of(text, asNeeded: false));
    }

    [Fact]
    public void AnAsNeededMedication_IsNeverScheduled()
    {
        Assert.Empty(DoseTimes.Of("1 tablet kl. 8", asNeeded: true));
    }
}
