using CareWorkspace.Domain.CarePlans;
using CareWorkspace.Domain.Common;

namespace CareWorkspace.UnitTests.CarePlans;

public sealed class UcumUnitTests
{
    [Theory]
    [InlineData("mmol/mol")]
    [InlineData("m")]
    [InlineData("kg")]
    [InlineData("kg/m2")]
    [InlineData("mm[Hg]")]
    [InlineData("cm[H2O]")]
    [InlineData("%")]
    [InlineData("/min")]
    [InlineData("{cigarettes}/d")]
    [InlineData("{steps}/d")]
    [InlineData("h")]
    [InlineData("min")]
    [InlineData("mmol/L")]
    [InlineData("L/min")]
    [InlineData("10*9/L")]
    [InlineData("[IU]/L")]
    [InlineData("1")]
    [InlineData("{score}")]
    [InlineData("mg/(kg.d)")]
    [InlineData("ug/L")]
    [InlineData("Cel")]
    [InlineData("m/s2")]
    public void ClinicalUnits_AreUcum(string code) => Assert.Equal(code, UcumUnit.Parse(code).Code);

    [Theory]
    [InlineData("mmHg")]
    [InlineData("kg/m²")]
    [InlineData("cigarettes per day")]
    [InlineData("KG")]
    [InlineData("meter")]
    [InlineData("kg//m")]
    [InlineData("mg/")]
    [InlineData("{unclosed")]
    [InlineData("mm[Hg")]
    [InlineData("(kg.m")]
    [InlineData("°C")]
    [InlineData("mins")]
    public void OtherText_IsNotUcum(string text)
    {
        var ex = Assert.Throws<DomainException>(() => UcumUnit.Parse(text));

        Assert.Equal([text], ex.Arguments);
    }

    [Fact]
    public void NoUnit_IsRefused() => Assert.Throws<DomainException>(() => UcumUnit.Parse(" "));
}
