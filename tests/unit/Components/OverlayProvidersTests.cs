using Bunit;
using CareWorkspace.Web.Components.Layout;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace CareWorkspace.UnitTests.Components;

/// <summary>
/// MudBlazor's providers cost every open page; the pathway renders without them until a part of it asks (a tab behind
/// an <see cref="OverlayGate"/>, the emergency-access dialog), and every other page has them from the start.
/// </summary>
public sealed class OverlayProvidersTests : BunitTestBase
{
    private const string Pathway = "patients/0b6f2f3e-55a4-4e43-9d6a-3c1f4c9f2a10";

    public OverlayProvidersTests() => SetRendererInfo(new RendererInfo("Server", isInteractive: true));

    private OverlayDemand Demand => Services.GetRequiredService<OverlayDemand>();

    private void Open(string address) => Services.GetRequiredService<NavigationManager>().NavigateTo(address);

    [Theory]
    [InlineData(Pathway, true)]
    [InlineData(Pathway + "/calendar", true)]
    [InlineData(Pathway + "?from=inbox", true)]
    [InlineData("patients", false)]
    [InlineData("patients/not-an-id", false)]
    [InlineData(Pathway + "/calendar/extra", false)]
    [InlineData("inbox", false)]
    public void A_pathway_address_is_a_patient_id_with_at_most_a_section(string address, bool pathway) =>
        Assert.Equal(pathway, PathwayAddress.Matches(address));

    [Fact]
    public void Another_page_has_the_providers_at_once()
    {
        Open("inbox");

        var cut = Render<OverlayProviders>();

        Assert.Single(cut.FindComponents<MudPopoverProvider>());
        Assert.Single(cut.FindComponents<MudDialogProvider>());
        Assert.Single(cut.FindComponents<MudSnackbarProvider>());
        Assert.True(Demand.AreShown);
    }

    [Fact]
    public async Task The_pathway_has_none_until_asked_and_then_keeps_them()
    {
        Open(Pathway);
        var cut = Render<OverlayProviders>();
        Assert.Empty(cut.FindComponents<MudPopoverProvider>());
        Assert.False(Demand.AreShown);

        var shown = Demand.ShowAsync();

        cut.WaitForAssertion(() => Assert.Single(cut.FindComponents<MudDialogProvider>()));
        await shown.WaitAsync(TimeSpan.FromSeconds(5), Xunit.TestContext.Current.CancellationToken);
        Open(Pathway + "/calendar");
        Assert.Single(cut.FindComponents<MudPopoverProvider>());
    }

    [Fact]
    public void Leaving_the_pathway_brings_them()
    {
        Open(Pathway);
        var cut = Render<OverlayProviders>();

        Open("patients");

        cut.WaitForAssertion(() => Assert.Single(cut.FindComponents<MudSnackbarProvider>()));
        Assert.True(Demand.AreShown);
    }

    [Fact]
    public void A_gate_shows_a_loading_bar_until_the_providers_are_there_and_then_its_content()
    {
        Open(Pathway);
        var providers = Render<OverlayProviders>();

        var gate = Render<OverlayGate>(p => p.AddChildContent("<p data-testid='section'>The section</p>"));

        gate.WaitForAssertion(() => gate.Find("[data-testid=section]"));
        Assert.Single(providers.FindComponents<MudPopoverProvider>());
    }

    [Fact]
    public void A_gate_before_the_providers_are_asked_for_shows_the_loading_bar_with_its_name()
    {
        SetRendererInfo(new RendererInfo("Static", isInteractive: false));
        Open(Pathway);

        var gate = Render<OverlayGate>(p => p.AddChildContent("<p data-testid='section'>The section</p>"));

        Assert.Empty(gate.FindAll("[data-testid=section]"));
        Assert.Equal("Opening the section", gate.Find(".mud-progress-linear").GetAttribute("aria-label"));
    }
}
