using CareWorkspace.Domain.Triage;

namespace CareWorkspace.UnitTests.Triage;

public sealed class VitalSignsCheckTests
{
    public static TheoryData<VitalSigns, VitalSign> Impossible => new()
    {
        { new VitalSigns(Pulse: 400), VitalSign.Pulse },
        { new VitalSigns(Pulse: -5), VitalSign.Pulse },
        { new VitalSigns(Pulse: 19), VitalSign.Pulse },
        { new VitalSigns(Pulse: 301), VitalSign.Pulse },
        { new VitalSigns(RespiratoryRate: 0), VitalSign.RespiratoryRate },
        { new VitalSigns(RespiratoryRate: 81), VitalSign.RespiratoryRate },
        { new VitalSigns(SystolicBloodPressure: 39), VitalSign.SystolicBloodPressure },
        { new VitalSigns(SystolicBloodPressure: 301), VitalSign.SystolicBloodPressure },
        { new VitalSigns(Temperature: 50m), VitalSign.Temperature },
        { new VitalSigns(Temperature: 24.9m), VitalSign.Temperature },
        { new VitalSigns(Temperature: -1m), VitalSign.Temperature },
        { new VitalSigns(OxygenSaturation: 120), VitalSign.OxygenSaturation },
        { new VitalSigns(OxygenSaturation: 101), VitalSign.OxygenSaturation },
        { new VitalSigns(OxygenSaturation: 39), VitalSign.OxygenSaturation },
    };

    [Theory]
    [MemberData(nameof(Impossible))]
    public void ImpossibleValues_AreRefused_WithAMessageForTheirField(VitalSigns vitals, VitalSign field)
    {
        var check = VitalSignsCheck.Of(vitals);

        Assert.False(check.IsAcceptable);
        var problem = Assert.Single(check.Refused);
        Assert.Equal(field, problem.Field);
        Assert.Contains("not possible", problem.English, StringComparison.Ordinal);
        Assert.Same(problem, check.RefusedFor(field));
        Assert.Empty(check.Unusual);
    }

    public static TheoryData<VitalSigns, VitalSign> Unusual => new()
    {
        { new VitalSigns(Pulse: 34), VitalSign.Pulse },
        { new VitalSigns(Pulse: 181), VitalSign.Pulse },
        { new VitalSigns(RespiratoryRate: 5), VitalSign.RespiratoryRate },
        { new VitalSigns(RespiratoryRate: 41), VitalSign.RespiratoryRate },
        { new VitalSigns(SystolicBloodPressure: 69), VitalSign.SystolicBloodPressure },
        { new VitalSigns(SystolicBloodPressure: 241), VitalSign.SystolicBloodPressure },
        { new VitalSigns(Temperature: 33.9m), VitalSign.Temperature },
        { new VitalSigns(Temperature: 41.1m), VitalSign.Temperature },
        { new VitalSigns(OxygenSaturation: 79), VitalSign.OxygenSaturation },
    };

    [Theory]
    [MemberData(nameof(Unusual))]
    public void UnusualValues_AreAcceptable_ButAskForConfirmation(VitalSigns vitals, VitalSign field)
    {
        var check = VitalSignsCheck.Of(vitals);

        Assert.True(check.IsAcceptable);
        var problem = Assert.Single(check.Unusual);
        Assert.Equal(field, problem.Field);
        Assert.Contains("unusual", problem.English, StringComparison.Ordinal);
        Assert.Single(check.Unconfirmed([]));
        Assert.Empty(check.Unconfirmed([field]));
    }

    [Fact]
    public void UsualValuesAtTheEdges_AreNeitherRefusedNorUnusual()
    {
        foreach (var vitals in new[]
        {
            new VitalSigns(35, 6, 70, 34.0m, 80), new VitalSigns(180, 40, 240, 41.0m, 100), VitalSigns.None,
        })
        {
            var check = VitalSignsCheck.Of(vitals);
            Assert.Empty(check.Refused);
            Assert.Empty(check.Unusual);
        }
    }

    [Fact]
    public void SeveralFields_EachGetTheirOwnMessage()
    {
        var check = VitalSignsCheck.Of(new VitalSigns(Pulse: 400, Temperature: 50m, OxygenSaturation: 120, RespiratoryRate: 45));

        Assert.Equal([VitalSign.Pulse, VitalSign.Temperature, VitalSign.OxygenSaturation], check.Refused.Select(p => p.Field).Order());
        Assert.Equal(VitalSign.RespiratoryRate, Assert.Single(check.Unusual).Field);
        Assert.Equal("A pulse of 400 /min is not possible: enter a value from 20 to 300.", check.RefusedFor(VitalSign.Pulse)!.English);
    }
}
