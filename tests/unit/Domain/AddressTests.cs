using CareWorkspace.Domain.Common;
using CareWorkspace.Domain.Patients;

namespace CareWorkspace.UnitTests.Domain;

public sealed class AddressTests
{
    [Fact]
    public void Constructor_ValidParts_TrimsAndFormats()
    {
        var address = new Address(" Nørregade 12, 2. tv ", " 8000 ", " Aarhus C ");

        Assert.Equal("Nørregade 12, 2. tv", address.Line);
        Assert.Equal("8000", address.PostalCode);
        Assert.Equal("Aarhus C", address.City);
        Assert.Equal("Nørregade 12, 2. tv, 8000 Aarhus C", address.ToString());
    }

    [Theory]
    [InlineData("800")]
    [InlineData("80000")]
    [InlineData("80A0")]
    [InlineData("")]
    public void Constructor_PostalCodeNotFourDigits_Throws(string postalCode)
    {
        Assert.Throws<DomainException>(() => new Address("Nørregade 12", postalCode, "Aarhus C"));
    }

    [Theory]
    [InlineData("", "Aarhus C")]
    [InlineData("   ", "Aarhus C")]
    [InlineData("Nørregade 12", "")]
    public void Constructor_MissingLineOrCity_Throws(string line, string city)
    {
        Assert.Throws<DomainException>(() => new Address(line, "8000", city));
    }

    [Fact]
    public void Constructor_LineTooLong_Throws()
    {
        var line = new string('a', Address.LineMaxLength + 1);

        Assert.Throws<DomainException>(() => new Address(line, "8000", "Aarhus C"));
    }
}
