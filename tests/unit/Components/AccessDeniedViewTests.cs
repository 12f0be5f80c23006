using Bunit;
using CareWorkspace.Web.Components;

namespace CareWorkspace.UnitTests.Components;

public sealed class AccessDeniedViewTests : BunitTestBase
{
    [Fact]
    public void Render_WithReason_ShowsHeadingAndReason()
    {
        const string reason = "The user's organisation is not on the patient's care team.";

        var cut = Render<AccessDeniedView>(p => p.Add(c => c.Reason, reason));

        var panel = cut.Find("[data-testid=access-denied]");
        Assert.Contains("Access denied", panel.TextContent, StringComparison.Ordinal);
        Assert.Contains(reason, panel.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Always_LinksBackToPatients()
    {
        var cut = Render<AccessDeniedView>(p => p.Add(c => c.Reason, "No."));

        var link = cut.Find("a[href='patients']");
        Assert.Contains("Back to patients", link.TextContent, StringComparison.Ordinal);
    }
}
