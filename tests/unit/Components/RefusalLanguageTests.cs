using Bunit;
using CareWorkspace.Web.Components;
using CareWorkspace.Web.Localization;

namespace CareWorkspace.UnitTests.Components;

/// <summary>A refusal handed to the access-denied view as the domain's English sentence is shown in the reader's language.</summary>
public sealed class RefusalLanguageTests : BunitTestBase
{
    [Fact]
    public void AccessDeniedView_InDanish_ShowsTheDomainsReasonInDanish()
    {
        UseLanguage(CareCultures.Danish);

        var cut = Render<AccessDeniedView>(p => p.Add(c => c.Reason, "The user's organisation is not on the patient's care team."));

        var text = cut.Find("[data-testid=access-denied]").TextContent;
        Assert.Contains("Brugerens organisation er ikke med i patientens behandlingsteam.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("The user's organisation", text, StringComparison.Ordinal);
    }

    [Fact]
    public void AccessDeniedView_InDanish_ShowsAnUnknownReasonAsItIs()
    {
        UseLanguage(CareCultures.Danish);

        var cut = Render<AccessDeniedView>(p => p.Add(c => c.Reason, "Lukket af IT."));

        Assert.Contains("Lukket af IT.", cut.Find("[data-testid=access-denied]").TextContent, StringComparison.Ordinal);
    }
}
