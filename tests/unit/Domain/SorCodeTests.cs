using CareWorkspace.Domain.Common;
using CareWorkspace.Domain.Organisations;

namespace CareWorkspace.UnitTests.Domain;

public sealed class SorCodeTests
{
    [Theory]
    [InlineData("12345678901")]
    [InlineData("123456789012345678")]
    [InlineData(" 5531000016009 ")]
    public void Parse_ElevenToEighteenDigits_KeepsTrimmedValue(string input)
    {
        var sor = SorCode.Parse(input);

        Assert.Equal(input.Trim(), sor.Value);
        Assert.Equal(input.Trim(), sor.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("1234567890")]
    [InlineData("1234567890123456789")]
    [InlineData("1234567890A")]
    [InlineData("12345 678901")]
    [InlineData("-12345678901")]
    public void Parse_WrongLengthOrNonDigits_Throws(string? input)
    {
        var ex = Assert.Throws<DomainException>(() => SorCode.Parse(input));

        Assert.Contains("SOR code", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SameDigits_AreEqual()
    {
        Assert.Equal(SorCode.Parse("12345678901"), SorCode.Parse(" 12345678901"));
    }
}
