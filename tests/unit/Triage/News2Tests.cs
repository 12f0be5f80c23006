using CareWorkspace.Domain.Triage;

namespace CareWorkspace.UnitTests.Triage;

/// <summary>Every NEWS2 band edge on both sides (Royal College of Physicians 2017, the table in the domain brief).</summary>
public sealed class News2Tests
{
    [Theory]
    [InlineData(1, 3), InlineData(8, 3), InlineData(9, 1), InlineData(11, 1), InlineData(12, 0), InlineData(20, 0)]
    public void RespiratoryRate_LowBands(int rate, int points) => Assert.Equal(points, News2.RespiratoryRate(rate));

    [Theory]
    [InlineData(21, 2), InlineData(24, 2), InlineData(25, 3), InlineData(60, 3)]
    public void RespiratoryRate_HighBands(int rate, int points) => Assert.Equal(points, News2.RespiratoryRate(rate));

    [Theory]
    [InlineData(91, 3), InlineData(92, 2), InlineData(93, 2), InlineData(94, 1), InlineData(95, 1), InlineData(96, 0), InlineData(100, 0)]
    public void SaturationScale1_SameOnAirAndOxygen(int percent, int points)
    {
        Assert.Equal(points, News2.OxygenSaturation(percent, SpO2Scale.Scale1, onOxygen: false));
        Assert.Equal(points, News2.OxygenSaturation(percent, SpO2Scale.Scale1, onOxygen: true));
    }

    [Theory]
    [InlineData(83, 3), InlineData(84, 2), InlineData(85, 2), InlineData(86, 1), InlineData(87, 1), InlineData(88, 0), InlineData(92, 0)]
    public void SaturationScale2_UpTo92_SameOnAirAndOxygen(int percent, int points)
    {
        Assert.Equal(points, News2.OxygenSaturation(percent, SpO2Scale.Scale2, onOxygen: false));
        Assert.Equal(points, News2.OxygenSaturation(percent, SpO2Scale.Scale2, onOxygen: true));
    }

    [Theory]
    [InlineData(93, 1), InlineData(94, 1), InlineData(95, 2), InlineData(96, 2), InlineData(97, 3), InlineData(100, 3)]
    public void SaturationScale2_From93_OnOxygen_ScoresTooMuchOxygen(int percent, int points) =>
        Assert.Equal(points, News2.OxygenSaturation(percent, SpO2Scale.Scale2, onOxygen: true));

    [Theory]
    [InlineData(93), InlineData(94), InlineData(95), InlineData(97), InlineData(100)]
    public void SaturationScale2_From93_OnAir_ScoresNothing(int percent) =>
        Assert.Equal(0, News2.OxygenSaturation(percent, SpO2Scale.Scale2, onOxygen: false));

    [Fact]
    public void AirOrOxygen_OxygenScoresTwo()
    {
        Assert.Equal(2, News2.AirOrOxygen(true));
        Assert.Equal(0, News2.AirOrOxygen(false));
    }

    [Theory]
    [InlineData(60, 3), InlineData(90, 3), InlineData(91, 2), InlineData(100, 2), InlineData(101, 1), InlineData(110, 1), InlineData(111, 0),
     InlineData(219, 0), InlineData(220, 3), InlineData(280, 3)]
    public void SystolicBloodPressure(int mmHg, int points) => Assert.Equal(points, News2.SystolicBloodPressure(mmHg));

    [Theory]
    [InlineData(30, 3), InlineData(40, 3), InlineData(41, 1), InlineData(50, 1), InlineData(51, 0), InlineData(90, 0), InlineData(91, 1),
     InlineData(110, 1), InlineData(111, 2), InlineData(130, 2), InlineData(131, 3), InlineData(200, 3)]
    public void Pulse(int perMinute, int points) => Assert.Equal(points, News2.Pulse(perMinute));

    [Theory]
    [InlineData(Consciousness.Alert, 0), InlineData(Consciousness.NewConfusion, 3), InlineData(Consciousness.Agitated, 3),
     InlineData(Consciousness.Voice, 3), InlineData(Consciousness.Pain, 3), InlineData(Consciousness.Unresponsive, 3)]
    public void Consciousness_AnythingButAlertScoresThree(Consciousness level, int points) => Assert.Equal(points, News2.Consciousness(level));

    [Theory]
    [InlineData("34.0", 3), InlineData("35.0", 3), InlineData("35.05", 1), InlineData("35.1", 1), InlineData("36.0", 1), InlineData("36.05", 0),
     InlineData("36.1", 0), InlineData("38.0", 0), InlineData("38.05", 1), InlineData("38.1", 1), InlineData("39.0", 1), InlineData("39.05", 2),
     InlineData("39.1", 2), InlineData("41.0", 2)]
    public void Temperature_OneDecimalBands_AndBetweenThem(string celsius, int points) =>
        Assert.Equal(points, News2.Temperature(decimal.Parse(celsius, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Score_NothingMeasured_IsNoScore()
    {
        Assert.Null(News2.Score(VitalSigns.None));
        Assert.Null(News2.Score(new VitalSigns(OnOxygen: true)));
    }

    [Fact]
    public void Score_AllMeasured_SumsEveryParameter_AndIsComplete()
    {
        var score = News2.Score(new VitalSigns(Pulse: 115, RespiratoryRate: 22, SystolicBloodPressure: 105, Temperature: 38.5m, OxygenSaturation: 94,
            OnOxygen: true, Consciousness: Consciousness.Alert))!;

        Assert.True(score.Complete);
        Assert.Equal(2 + 2 + 1 + 1 + 1 + 2 + 0, score.Total);
        Assert.Equal(7, score.Parameters.Count);
        Assert.Equal(2, score.PointsOf(VitalSign.Pulse));
        Assert.Equal(2, score.PointsOf(VitalSign.OnOxygen));
    }

    [Fact]
    public void Score_SomeMeasured_SumsThoseAndIsIncomplete()
    {
        var score = News2.Score(new VitalSigns(Pulse: 131))!;

        Assert.False(score.Complete);
        Assert.Equal(3, score.Total);
        Assert.Null(score.PointsOf(VitalSign.Temperature));
        Assert.Equal(0, score.PointsOf(VitalSign.OnOxygen));
    }

    [Fact]
    public void Score_UsesTheCitizensScale()
    {
        Assert.Equal(3, News2.Score(new VitalSigns(OxygenSaturation: 88))!.Total);
        Assert.Equal(0, News2.Score(new VitalSigns(OxygenSaturation: 88, Scale: SpO2Scale.Scale2))!.Total);
        Assert.Equal(2 + 3, News2.Score(new VitalSigns(OxygenSaturation: 97, OnOxygen: true, Scale: SpO2Scale.Scale2))!.Total);
    }
}
