using CareWorkspace.Infrastructure.NationalServices;
using Hl7.Fhir.Model;

namespace CareWorkspace.UnitTests.NationalSync;

public sealed class DkIdentifiersTests
{
    private static readonly DateOnly Today = new(2026, 11, 29);

    [Fact]
    public void A_CPR_in_the_DK_core_system_is_read()
    {
        Assert.True(DkIdentifiers.TryReadCpr([new Identifier(DkIdentifiers.Cpr, "1203521235")], Today, out var cpr, out _));
        Assert.Equal("120352-1235", cpr!.Display);
    }

    [Fact]
    public void A_person_without_a_CPR_is_refused()
    {
        Assert.False(DkIdentifiers.TryReadCpr([new Identifier(DkIdentifiers.DeCpr, "120352XY12")], Today, out _, out var reason));
        Assert.Equal("The person has no CPR identifier.", reason);
    }

    [Fact]
    public void The_misspelt_Ydernummer_system_of_one_national_guide_is_accepted_beside_a_SOR_code()
    {
        Assert.True(DkIdentifiers.TryReadSor(
            [new Identifier(DkIdentifiers.YdernummerMisspelt, "012345"), new Identifier(DkIdentifiers.Sor, "100000000002012")], out var sor, out var reason), reason);
        Assert.Equal("100000000002012", sor!.Value);
    }

    [Fact]
    public void An_organisation_identifier_in_an_unknown_system_is_refused()
    {
        Assert.False(DkIdentifiers.TryReadSor([new Identifier("http://example.org/ids", "1"), new Identifier(DkIdentifiers.Sor, "100000000002012")], out _, out var reason));
        Assert.Equal("An organisation identifier is in an unknown system (http://example.org/ids).", reason);
    }
}
