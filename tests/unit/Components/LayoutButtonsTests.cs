using System.Security.Claims;
using Bunit;
using CareWorkspace.Infrastructure.Identity;
using CareWorkspace.Web.Components.Layout;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace CareWorkspace.UnitTests.Components;

/// <summary>The layout's buttons are plain markup with MudBlazor's classes, as MudButton drew them.</summary>
public sealed class LayoutButtonsTests : BunitTestBase
{
    [Fact]
    public void SignedInUser_SignOutButtons_SubmitTheirFormsWithTheirNames()
    {
        var user = new ClaimsPrincipal(new ClaimsIdentity([new Claim(CareClaimTypes.DisplayName, "Anna Larsen")], "test"));

        var cut = Render<SignedInUser>(p => p.Add(c => c.User, user));

        var buttons = cut.FindAll("form button[type=submit]");
        Assert.Equal(["Sign out", "Sign out everywhere"], buttons.Select(b => b.TextContent.Trim()));
        Assert.Equal(["account/logout", "account/sign-out-everywhere"], buttons.Select(b => b.Closest("form")!.GetAttribute("action")));
        Assert.Contains("mud-button-outlined", buttons[0].ClassList);
        Assert.Contains("mud-button-text", buttons[1].ClassList);
        Assert.Empty(cut.FindComponents<MudButton>());
    }

    [Fact]
    public void LanguageSwitch_MarksTheCurrentLanguage_InTheGivenColour()
    {
        var cut = Render<LanguageSwitch>(p => p.Add(c => c.Color, Color.Primary));

        var english = cut.Find("[data-testid=language-en]");
        var danish = cut.Find("[data-testid=language-da]");
        Assert.Equal("true", english.GetAttribute("aria-pressed"));
        Assert.Equal("false", danish.GetAttribute("aria-pressed"));
        Assert.Contains("mud-button-outlined-primary", english.ClassList);
        Assert.Contains("mud-button-text-primary", danish.ClassList);
        Assert.Equal("da", danish.GetAttribute("lang"));
        Assert.Empty(cut.FindComponents<MudButton>());
    }

    [Fact]
    public void Every_form_posts_the_antiforgery_token_without_a_component_per_form()
    {
        Services.AddSingleton<AntiforgeryStateProvider>(new KnownToken());
        var user = new ClaimsPrincipal(new ClaimsIdentity([new Claim(CareClaimTypes.DisplayName, "Anna Larsen")], "test"));

        var signedIn = Render<SignedInUser>(p => p.Add(c => c.User, user));
        var language = Render<LanguageSwitch>();

        var forms = signedIn.FindAll("form").Concat(language.FindAll("form")).ToList();
        Assert.Equal(4, forms.Count);
        Assert.All(forms, form => Assert.Equal("token-value", form.QuerySelector("input[type=hidden][name=__RequestVerificationToken]")?.GetAttribute("value")));
        Assert.Empty(signedIn.FindComponents<AntiforgeryToken>());
        Assert.Empty(language.FindComponents<AntiforgeryToken>());
    }

    private sealed class KnownToken : AntiforgeryStateProvider
    {
        public override AntiforgeryRequestToken? GetAntiforgeryToken() => new("token-value", "__RequestVerificationToken");
    }
}
