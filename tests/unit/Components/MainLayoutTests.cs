using Bunit;
using CareWorkspace.Infrastructure.Identity;
using CareWorkspace.UnitTests.Realtime;
using CareWorkspace.Web.Components.Layout;
using CareWorkspace.Web.Security;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using MudBlazor;

namespace CareWorkspace.UnitTests.Components;

/// <summary>
/// The navigation drawer is plain markup (no MudLayout or MudDrawer with their viewport subscription per page): CSS
/// decides by the window's width, and each width has its own toggle whose aria-expanded tells what that width shows.
/// </summary>
public sealed class MainLayoutTests : BunitTestBase
{
    public MainLayoutTests()
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 12, 1, 7, 0, 0, TimeSpan.Zero));
        var options = new SessionOptions();
        Services.AddSingleton(new CircuitSession(new SessionRevocations(clock, NullLogger<SessionRevocations>.Instance), new SessionTimeouts(options), options, clock));
        // Signed out: the bell and the signed-in user (their own tests) stay out; the navigation still has its links.
        AddAuthorization();
    }

    private IRenderedComponent<MainLayout> RenderLayout() =>
        Render<MainLayout>(p => p.Add(l => l.Body, (RenderFragment)(b => b.AddMarkupContent(0, "<p data-testid='page'>The page</p>"))));

    [Fact]
    public void The_drawer_is_plain_markup_open_on_a_wide_screen_and_closed_on_a_narrow_one()
    {
        var cut = RenderLayout();

        Assert.Empty(cut.FindComponents<MudDrawer>());
        Assert.Empty(cut.FindComponents<MudLayout>());
        var drawer = cut.Find("[data-testid=navigation-drawer]");
        Assert.Equal("app-navigation", drawer.Id);
        Assert.NotEmpty(drawer.QuerySelectorAll("a.mud-nav-link"));
        Assert.Contains("mud-drawer-open-responsive-md-left", cut.Find(".mud-layout").ClassList);

        var wide = cut.Find("[data-testid=navigation-toggle-wide]");
        var narrow = cut.Find("[data-testid=navigation-toggle-narrow]");
        Assert.Equal("Toggle navigation", wide.GetAttribute("aria-label"));
        Assert.Equal("Toggle navigation", narrow.GetAttribute("aria-label"));
        Assert.Equal("app-navigation", wide.GetAttribute("aria-controls"));
        Assert.Equal("true", wide.GetAttribute("aria-expanded"));
        Assert.Equal("false", narrow.GetAttribute("aria-expanded"));
        // Each toggle is shown only at its own width (MudBlazor's display classes, breakpoint md as MudDrawer's).
        Assert.Contains("d-md-flex", wide.ClassList);
        Assert.Contains("d-md-none", narrow.ClassList);
        Assert.Empty(cut.FindAll("[data-testid=navigation-backdrop]"));
    }

    [Fact]
    public void The_wide_toggle_closes_and_opens_the_drawer_beside_the_page()
    {
        var cut = RenderLayout();

        cut.Find("[data-testid=navigation-toggle-wide]").Click();

        Assert.Equal("false", cut.Find("[data-testid=navigation-toggle-wide]").GetAttribute("aria-expanded"));
        Assert.Contains("app-drawer--wide-closed", cut.Find("[data-testid=navigation-drawer]").ClassList);
        Assert.DoesNotContain("mud-drawer-open-responsive-md-left", cut.Find(".mud-layout").ClassList);

        cut.Find("[data-testid=navigation-toggle-wide]").Click();

        Assert.Equal("true", cut.Find("[data-testid=navigation-toggle-wide]").GetAttribute("aria-expanded"));
        Assert.DoesNotContain("app-drawer--wide-closed", cut.Find("[data-testid=navigation-drawer]").ClassList);
    }

    [Fact]
    public void On_a_narrow_screen_the_drawer_opens_over_the_page_and_a_click_beside_it_closes_it()
    {
        var cut = RenderLayout();

        cut.Find("[data-testid=navigation-toggle-narrow]").Click();

        Assert.Equal("true", cut.Find("[data-testid=navigation-toggle-narrow]").GetAttribute("aria-expanded"));
        Assert.Contains("app-drawer--narrow-open", cut.Find("[data-testid=navigation-drawer]").ClassList);

        cut.Find("[data-testid=navigation-backdrop]").Click();

        Assert.Equal("false", cut.Find("[data-testid=navigation-toggle-narrow]").GetAttribute("aria-expanded"));
        Assert.DoesNotContain("app-drawer--narrow-open", cut.Find("[data-testid=navigation-drawer]").ClassList);
        Assert.Empty(cut.FindAll("[data-testid=navigation-backdrop]"));
    }

    [Fact]
    public void Escape_closes_the_narrow_drawer_and_gives_the_focus_back_to_its_toggle()
    {
        var cut = RenderLayout();
        cut.Find("[data-testid=navigation-toggle-narrow]").Click();

        cut.Find("[data-testid=navigation-drawer]").KeyDown(new Microsoft.AspNetCore.Components.Web.KeyboardEventArgs { Key = "Escape" });

        Assert.Equal("false", cut.Find("[data-testid=navigation-toggle-narrow]").GetAttribute("aria-expanded"));
        JSInterop.VerifyFocusAsyncInvoke();
    }

    [Fact]
    public void Choosing_a_page_closes_the_narrow_drawer()
    {
        var cut = RenderLayout();
        cut.Find("[data-testid=navigation-toggle-narrow]").Click();

        cut.InvokeAsync(() => Services.GetRequiredService<NavigationManager>().NavigateTo("inbox"));

        cut.WaitForAssertion(() => Assert.Equal("false", cut.Find("[data-testid=navigation-toggle-narrow]").GetAttribute("aria-expanded")));
    }

    [Fact]
    public void The_drawer_toggle_is_named_in_Danish()
    {
        UseLanguage(CareWorkspace.Web.Localization.CareCultures.Danish);

        var cut = RenderLayout();

        Assert.All(cut.FindAll("[aria-controls=app-navigation]"), b => Assert.Equal("Vis eller skjul menuen", b.GetAttribute("aria-label")));
    }
}
