using Bunit;
using CareWorkspace.Domain.Common;
using CareWorkspace.Domain.Organisations;
using CareWorkspace.Web.Features.CareTeam;
using CareWorkspace.Web.Localization;

namespace CareWorkspace.UnitTests.Components;

/// <summary>A care team member's organisation shows how to reach it, as the organisation register (SOR) gave it, and when that was.</summary>
public sealed class SorContactTests : BunitTestBase
{
    private static readonly DateTimeOffset CheckedAt = CopenhagenTime.At(new DateOnly(2026, 11, 30), new TimeOnly(4, 15));

    private static OrganisationContact Clinic(SorStatus status = SorStatus.Active) =>
        new("Strandvejen 48, 2900 Havby", "+45 98 76 54 32", CheckedAt, status);

    [Fact]
    public void The_address_and_a_callable_phone_number_are_shown_with_their_source_and_date()
    {
        var cut = Render<SorContact>(p => p.Add(c => c.Contact, Clinic()));

        Assert.Contains("Strandvejen 48, 2900 Havby", cut.Markup, StringComparison.Ordinal);
        var phone = cut.Find("[data-testid=sor-contact] a");
        Assert.Equal(("+45 98 76 54 32", "tel:+4598765432"), (phone.TextContent, phone.GetAttribute("href")));
        Assert.Contains("from SOR · checked 30 Nov 2026", cut.Find("[data-testid=sor-contact]").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=sor-status]"));
    }

    [Fact]
    public void Nothing_is_shown_before_SOR_was_asked()
    {
        var cut = Render<SorContact>(p => p.Add(c => c.Contact, null));

        Assert.Empty(cut.FindAll("[data-testid=sor-contact]"));
    }

    [Theory]
    [InlineData(SorStatus.Inactive, "No longer active in SOR")]
    [InlineData(SorStatus.NotInRegister, "Not found in SOR")]
    public void An_organisation_SOR_no_longer_lists_as_active_says_so(SorStatus status, string expected)
    {
        var cut = Render<SorContact>(p => p.Add(c => c.Contact, Clinic(status)));

        Assert.Equal(expected, cut.Find("[data-testid=sor-status]").TextContent.Trim());
    }

    [Fact]
    public void The_same_contact_again_is_not_rendered_again_but_a_changed_one_is()
    {
        var cut = Render<SorContact>(p => p.Add(c => c.Contact, Clinic()));

        cut.Render(p => p.Add(c => c.Contact, Clinic()));
        var afterSame = cut.RenderCount;
        cut.Render(p => p.Add(c => c.Contact, Clinic(SorStatus.Inactive)));

        Assert.Equal((1, 2), (afterSame, cut.RenderCount));
        Assert.Equal("No longer active in SOR", cut.Find("[data-testid=sor-status]").TextContent.Trim());
    }

    [Fact]
    public void A_Danish_reader_reads_it_in_Danish()
    {
        UseLanguage(CareCultures.Danish);

        var cut = Render<SorContact>(p => p.Add(c => c.Contact, Clinic(SorStatus.NotInRegister)));

        Assert.Contains("fra SOR · kontrolleret 30. nov. 2026", cut.Find("[data-testid=sor-contact]").TextContent, StringComparison.Ordinal);
        Assert.Equal("Findes ikke i SOR", cut.Find("[data-testid=sor-status]").TextContent.Trim());
    }
}
