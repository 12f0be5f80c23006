using CareWorkspace.Domain.Common;
using CareWorkspace.Domain.Medicines.Allergies;

namespace CareWorkspace.UnitTests.Medicines;

public sealed class AtcCodeTests
{
    [Theory]
    [InlineData("J", "J")]
    [InlineData("J01", "J01")]
    [InlineData("j01c", "J01C")]
    [InlineData(" J01CA ", "J01CA")]
    [InlineData("J01CA04", "J01CA04")]
    [InlineData("A10BA02", "A10BA02")]
    [InlineData("J01 CA 04", "J01CA04")]
    public void EveryLevel_IsAccepted_InItsWrittenForm(string text, string code) => Assert.Equal(code, AtcCode.Parse(text));

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
        var ex = Assert.Throws<DomainException>(() => AtcCode.Parse(text));

        Assert.Equal("'{0}' is not an ATC code (a level such as J, J01, J01C, J01CA or J01CA04).", ex.Template);
        Assert.Equal(text, ex.Arguments[0]);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public void NoCode_IsNone(string? text) => Assert.Null(AtcCode.Parse(text));

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
