using CareWorkspace.Domain.Common;
using CareWorkspace.Domain.Medicines;

namespace CareWorkspace.UnitTests.Medicines;

public sealed class AtcCodeTests
{
    [Fact]
    public void AtcCodes_AreValidatedLevelByLevel()
    {
        Assert.All(["M", "M01", "M01A", "M01AE", "M01AE01", "R03BB04"], c => Assert.True(AtcCode.IsValid(c), c));
        Assert.All(["M0", "M01AE0", "Z01", "M01a", "M01AE011", "0", "J01 CA04", ""], c => Assert.False(AtcCode.IsValid(c), c));
        Assert.False(AtcCode.IsValid(null));
    }

    [Fact]
    public void OnlyALevelFiveCode_IsASubstance()
    {
        Assert.True(AtcCode.IsSubstance("M01AE01"));
        Assert.All(["M01AE", "M01A", "M", "M01AE0", "Z01AE01"], c => Assert.False(AtcCode.IsSubstance(c), c));
    }

    [Fact]
    public void ARequiredCode_IsTrimmedAndUpperCased_AndNoneOrAMalformedOneIsRefused()
    {
        Assert.Equal("M01AE01", AtcCode.Parse(" m01ae01 "));
        Assert.Equal("An ATC code is required.", Assert.Throws<DomainException>(() => AtcCode.Parse("  ")).Template);
        var malformed = Assert.Throws<DomainException>(() => AtcCode.Parse(" M01AE0 "));
        Assert.Equal("'{0}' is not a known ATC code. An ATC code is written like M01AE01 (substance) or M01A (class).", malformed.Template);
        Assert.Equal("M01AE0", malformed.Arguments[0]);
    }

    [Theory]
    [InlineData("M01AE01", "M01A", true)]
    [InlineData("M01AE01", "M01AE01", true)]
    [InlineData("M01AE01", "N02", false)]
    public void ACodeMatchesItsClasses(string code, string pattern, bool matches) => Assert.Equal(matches, AtcCode.Matches(code, pattern));

    [Theory]
    [InlineData("J", "J")]
    [InlineData("J01", "J01")]
    [InlineData("j01c", "J01C")]
    [InlineData(" J01CA ", "J01CA")]
    [InlineData("J01CA04", "J01CA04")]
    [InlineData("A10BA02", "A10BA02")]
    [InlineData("J01 CA 04", "J01CA04")]
    public void EveryLevel_IsAccepted_InItsWrittenForm(string text, string code) => Assert.Equal(code, AtcCode.ParseOptional(text));

    [Theory]
    [InlineData("J0")]
    [InlineData("J01CA0")]
    [InlineData("J01CA045")]
    [InlineData("J1C")]
    [InlineData("101")]
    [InlineData("X01")]
    [InlineData("J01C4")]
    [InlineData("penicillin")]
    public void AMalformedOrUnknownCode_IsRefusedNamingIt(string text)
    {
        var ex = Assert.Throws<DomainException>(() => AtcCode.ParseOptional(text));

        Assert.Equal("'{0}' is not an ATC code (a level such as J, J01, J01C, J01CA or J01CA04).", ex.Template);
        Assert.Equal(text, ex.Arguments[0]);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public void NoCode_IsNone(string? text) => Assert.Null(AtcCode.ParseOptional(text));

    [Theory]
    [InlineData("J01C", "J01CA04", true)]
    [InlineData("J01", "J01CA04", true)]
    [InlineData("J01CA04", "J01CA04", true)]
    [InlineData("J01C", "J01DB01", false)]
    [InlineData("J01C", "J01", false)]
    [InlineData("J01CA04", "J01CA01", false)]
    [InlineData("J01C", null, false)]
    [InlineData("J01C", "nonsense", false)]
    public void AClass_CoversTheCodesBelowIt(string classCode, string? drugCode, bool covers) =>
        Assert.Equal(covers, AtcCode.Covers(classCode, drugCode));
}
