using Bunit;
using CareWorkspace.Web.Features.Sharing;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace CareWorkspace.UnitTests.Components;

public sealed class EmergencyAccessDialogTests : BunitTestBase
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    private readonly List<(string Reason, int Minutes)> submitted = [];

    private async Task<IRenderedComponent<MudDialogProvider>> OpenAsync(string? refusal = null)
    {
        Render<MudPopoverProvider>();
        var provider = Render<MudDialogProvider>();
        var parameters = new DialogParameters<EmergencyAccessDialog>
        {
            { d => d.Submit, (reason, minutes) => { submitted.Add((reason, minutes)); return Task.FromResult(refusal); } },
            { d => d.DefaultMinutes, 120 },
            { d => d.MaximumMinutes, 240 },
        };
        await provider.InvokeAsync(() => Services.GetRequiredService<IDialogService>().ShowAsync<EmergencyAccessDialog>("", parameters));
        provider.WaitForElement("[data-testid=emergency-dialog]", Timeout);
        return provider;
    }

    [Theory]
    [InlineData("en-GB", "Write the vital reason for emergency access.")]
    [InlineData("da-DK", "Skriv den vitale begrundelse for værdispringet.")]
    public async Task WithoutAReason_NothingIsStarted_AndTheDialogExplains(string culture, string error)
    {
        UseLanguage(System.Globalization.CultureInfo.GetCultureInfo(culture));
        var provider = await OpenAsync();

        await provider.InvokeAsync(() => provider.Find("[data-testid=emergency-start]").Click());

        Assert.Equal(error, provider.WaitForElement("[data-testid=emergency-error]", Timeout).TextContent.Trim());
        Assert.Empty(submitted);
        Assert.Single(provider.FindAll("[data-testid=emergency-dialog]"));
    }

    [Fact]
    public async Task WithAReason_ItStartsForTheDefaultTwoHours_AndCloses()
    {
        var provider = await OpenAsync();

        await provider.InvokeAsync(() => provider.Find("textarea").Input("Unconscious, allergies unknown"));
        await provider.InvokeAsync(() => provider.Find("[data-testid=emergency-start]").Click());

        Assert.Equal(("Unconscious, allergies unknown", 120), Assert.Single(submitted));
        provider.WaitForAssertion(() => Assert.Empty(provider.FindAll("[data-testid=emergency-dialog]")), Timeout);
    }

    [Fact]
    public async Task ARefusal_KeepsTheDialogOpenWithTheReasonTyped()
    {
        var provider = await OpenAsync("Emergency access can last at most 240 minutes.");

        await provider.InvokeAsync(() => provider.Find("textarea").Input("Unconscious, allergies unknown"));
        await provider.InvokeAsync(() => provider.Find("[data-testid=emergency-start]").Click());

        Assert.Equal("Emergency access can last at most 240 minutes.", provider.WaitForElement("[data-testid=emergency-error]", Timeout).TextContent.Trim());
        Assert.Equal("Unconscious, allergies unknown", provider.Find("textarea").GetAttribute("value") ?? provider.Find("textarea").TextContent);
    }
}
