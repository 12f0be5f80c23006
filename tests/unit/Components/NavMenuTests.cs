using Bunit;
using CareWorkspace.Web.Components.Layout;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CareWorkspace.UnitTests.Components;

public sealed class NavMenuTests : BunitTestBase
{
    private IRenderedComponent<NavMenu> RenderAs(string role, string path)
    {
        var auth = AddAuthorization();
        auth.SetAuthorized("someone");
        auth.SetRoles(role);
        Services.GetRequiredService<NavigationManager>().NavigateTo(path);
        return Render<NavMenu>();
    }

    private static string[] Names(IRenderedComponent<NavMenu> cut) =>
        cut.FindAll("nav a.mud-nav-link").Select(a => a.TextContent.Trim()).ToArray();

    [Fact]
    public void Render_GeneralPractitioner_LinksTheClinicalPagesAndTheAccount()
    {
        var cut = RenderAs("GeneralPractitioner", "patients");

        Assert.Equal(["Patients", "Inbox", "My calendar", "Tasks", "Change password", "API tokens"], Names(cut));
        Assert.Equal("patients", cut.Find("a.mud-nav-link").GetAttribute("href"));
        // Each icon is decoration: the link's name is its text.
        Assert.All(cut.FindAll("a.mud-nav-link svg"), svg => Assert.Equal("true", svg.GetAttribute("aria-hidden")));
    }

    [Fact]
    public void Render_CurrentPage_IsMarkedActive()
    {
        var cut = RenderAs("GeneralPractitioner", "inbox");

        var active = Assert.Single(cut.FindAll("a.mud-nav-link.active"));
        Assert.Equal("Inbox", active.TextContent.Trim());
        Assert.Equal("page", active.GetAttribute("aria-current"));
        Assert.Single(cut.FindAll("a[aria-current]"));
    }

    [Fact]
    public void Render_PageUnderALink_MarksThatLink_AndTheWholePathLinksOnlyTheirOwnPage()
    {
        var cut = RenderAs("MunicipalNurse", "triage/record?date=2026-12-01");

        Assert.Equal("Record changes", Assert.Single(cut.FindAll("a.mud-nav-link.active")).TextContent.Trim());

        cut.InvokeAsync(() => Services.GetRequiredService<NavigationManager>().NavigateTo("patients/42/overview"));

        cut.WaitForAssertion(() => Assert.Equal("Patients", Assert.Single(cut.FindAll("a.mud-nav-link.active")).TextContent.Trim()));
    }

    [Fact]
    public void Render_MunicipalNurse_LinksTheMunicipalPages_AsPlainMarkup()
    {
        var cut = RenderAs("MunicipalNurse", "triage");

        Assert.Equal(["Patients", "Inbox", "My calendar", "Triage board", "Record changes", "Medication administration", "Change password", "API tokens"], Names(cut));
        // Plain links: NavLink and AuthorizeView each stayed in every open page's server memory.
        Assert.Empty(cut.FindComponents<NavLink>());
        Assert.Empty(cut.FindComponents<Microsoft.AspNetCore.Components.Authorization.AuthorizeView>());
    }

    [Fact]
    public void Render_Patient_LinksOwnPagesWithTheirTestIds()
    {
        var cut = RenderAs("Patient", "my/access-log");

        Assert.Contains("Who looked at the record", Names(cut));
        Assert.Contains("What I share", Names(cut));
        Assert.Equal("my/access-log", cut.Find("[data-testid=nav-access-log]").GetAttribute("href"));
    }

    [Fact]
    public void Render_Administrator_LinksTheAdministrationPages()
    {
        var cut = RenderAs("Administrator", "admin/users");

        Assert.Equal(["Users", "Organisations", "Administration log", "National sync", "Change password", "API tokens"], Names(cut));
    }
}
