using System.Globalization;
using Bunit;
using CareWorkspace.Web.Components;
using CareWorkspace.Web.Localization;

namespace CareWorkspace.UnitTests.Components;

public sealed class AccessDeniedViewLanguageTests : BunitTestBase
{
    [Theory]
    [InlineData("da-DK", "Adgang nægtet", "Tilbage til patienter", "adgangslog")]
    [InlineData("en-GB", "Access denied", "Back to patients", "access log")]
    public void Render_InEachLanguage_ShowsThatLanguage(string culture, string heading, string back, string explanation)
    {
        UseLanguage(CultureInfo.GetCultureInfo(culture));

        var cut = Render<AccessDeniedView>(p => p.Add(c => c.Reason, "-"));

        var panel = cut.Find("[data-testid=access-denied]");
        Assert.Contains(heading, panel.TextContent, StringComparison.Ordinal);
        Assert.Contains(explanation, panel.TextContent, StringComparison.Ordinal);
        Assert.Contains(back, cut.Find("a[href='patients']").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Danish_DoesNotShowEnglish()
    {
        UseLanguage(CareCultures.Danish);

        var cut = Render<AccessDeniedView>(p => p.Add(c => c.Reason, "-"));

        Assert.DoesNotContain("Access denied", cut.Markup, StringComparison.Ordinal);
    }
}
