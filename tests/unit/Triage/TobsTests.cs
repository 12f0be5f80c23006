using System.Globalization;
using CareWorkspace.Domain.Triage;

namespace CareWorkspace.UnitTests.Triage;

/// <summary>
/// Every TOBS band edge on both sides, and every gap the published bands leave, closed towards the neighbouring band that
/// scores more (docs/triage.md).
/// </summary>
public sealed class TobsTests
{
    [Theory]
    [InlineData(150, 3), InlineData(131, 3), InlineData(129, 2), InlineData(110, 2), InlineData(109, 1), InlineData(90, 1), InlineData(89, 0),
     InlineData(50, 0), InlineData(49, 1), InlineData(40, 1), InlineData(38, 2), InlineData(25, 2)]
    public void Pulse_PublishedBands(int perMinute, int points) => Assert.Equal(points, Tobs.Pulse(perMinute));

    [Theory]
    [InlineData(130, 3), InlineData(39, 2)]
    public void Pulse_Gaps_ScoreTheHigherNeighbour(int perMinute, int points) => Assert.Equal(points, Tobs.Pulse(perMinute));

    [Theory]
    [InlineData(40, 3), InlineData(26, 3), InlineData(24, 2), InlineData(21, 2), InlineData(20, 0), InlineData(12, 0), InlineData(11, 1),
     InlineData(9, 1), InlineData(7, 3), InlineData(2, 3)]
    public void RespiratoryRate_PublishedBands(int perMinute, int points) => Assert.Equal(points, Tobs.RespiratoryRate(perMinute));

    [Theory]
    [InlineData(25, 3), InlineData(8, 3)]
    public void RespiratoryRate_Gaps_ScoreTheHigherNeighbour(int perMinute, int points) => Assert.Equal(points, Tobs.RespiratoryRate(perMinute));

    [Theory]
    [InlineData("40.1", 3), InlineData("41.0", 3), InlineData("39.9", 2), InlineData("39.0", 2), InlineData("38.9", 1), InlineData("38.0", 1),
     InlineData("37.9", 0), InlineData("36.0", 0), InlineData("35.9", 2), InlineData("34.0", 2), InlineData("33.8", 3), InlineData("30.0", 3)]
    public void Temperature_PublishedBands(string celsius, int points) => Assert.Equal(points, Tobs.Temperature(Parse(celsius)));

    [Theory]
    // Between 39.9 and 40.1 (">40" and "39–39.9"): 40.0 itself and anything above 39.9.
    [InlineData("39.95", 3), InlineData("40.0", 3),
     // Between the one-decimal bands: 38.9–39, 37.9–38, 35.9–36.
     InlineData("38.95", 2), InlineData("37.95", 1), InlineData("35.95", 2),
     // "<33.9" and "34–35.9" leave 33.9 up to 34.
     InlineData("33.9", 3), InlineData("33.95", 3), InlineData("33.99", 3)]
    public void Temperature_Gaps_ScoreTheHigherNeighbour(string celsius, int points) => Assert.Equal(points, Tobs.Temperature(Parse(celsius)));

    [Theory]
    [InlineData(230, 2), InlineData(201, 2), InlineData(199, 0), InlineData(100, 0), InlineData(99, 1), InlineData(80, 1), InlineData(79, 2),
     InlineData(70, 2), InlineData(68, 3), InlineData(50, 3)]
    public void SystolicBloodPressure_PublishedBands(int mmHg, int points) => Assert.Equal(points, Tobs.SystolicBloodPressure(mmHg));

    [Theory]
    [InlineData(200, 2), InlineData(69, 3)]
    public void SystolicBloodPressure_Gaps_ScoreTheHigherNeighbour(int mmHg, int points) => Assert.Equal(points, Tobs.SystolicBloodPressure(mmHg));

    [Theory]
    [InlineData(Consciousness.Alert, 0), InlineData(Consciousness.Agitated, 1), InlineData(Consciousness.NewConfusion, 1),
     InlineData(Consciousness.Voice, 1), InlineData(Consciousness.Pain, 2), InlineData(Consciousness.Unresponsive, 3)]
    public void ConsciousnessLevels(Consciousness level, int points) => Assert.Equal(points, Tobs.Consciousness(level));

    [Fact]
    public void Score_AllMeasured_SumsTheFiveParameters_IgnoringSaturation()
    {
        var score = Tobs.Score(new VitalSigns(Pulse: 112, RespiratoryRate: 22, SystolicBloodPressure: 85, Temperature: 38.2m, OxygenSaturation: 85,
            Consciousness: Consciousness.Pain))!;

        Assert.True(score.Complete);
        Assert.Equal(2 + 2 + 1 + 1 + 2, score.Total);
        Assert.Null(score.PointsOf(VitalSign.OxygenSaturation));
    }

    [Fact]
    public void Score_MaximumIsFifteen()
    {
        var score = Tobs.Score(new VitalSigns(Pulse: 160, RespiratoryRate: 30, SystolicBloodPressure: 60, Temperature: 41m,
            Consciousness: Consciousness.Unresponsive))!;

        Assert.Equal(15, score.Total);
    }

    [Fact]
    public void Score_OnlySaturationMeasured_IsNoTobs() => Assert.Null(Tobs.Score(new VitalSigns(OxygenSaturation: 95)));

    [Fact]
    public void Score_PartlyMeasured_IsIncomplete()
    {
        var score = Tobs.Score(new VitalSigns(Temperature: 39.2m))!;

        Assert.False(score.Complete);
        Assert.Equal(2, score.Total);
    }

    private static decimal Parse(string celsius) => decimal.Parse(celsius, CultureInfo.InvariantCulture);
}
