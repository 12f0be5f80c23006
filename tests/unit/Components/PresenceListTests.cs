using Bunit;
using CareWorkspace.Domain.Access;
using CareWorkspace.Infrastructure.Realtime;
using CareWorkspace.Web.Features.Pathway;
using CareWorkspace.Web.Localization;
using MudBlazor;

namespace CareWorkspace.UnitTests.Components;

public sealed class PresenceListTests : BunitTestBase
{
    private static readonly Viewer Me = new("user-me", "Carl Coordinator", UserRole.Coordinator, "Region Midtjylland");
    private static readonly Viewer Nurse = new("user-nurse", "Anna Nurse", UserRole.MunicipalNurse, "Aarhus Kommune Hjemmepleje");
    private static readonly Viewer Relative = new("user-relative", "Ulla Hansen", UserRole.Relative, null);

    private IRenderedComponent<PresenceList> RenderList(IReadOnlyList<Viewer> viewers, string? ownUserId = "user-me")
    {
        Render<MudPopoverProvider>();
        return Render<PresenceList>(p => p.Add(c => c.Viewers, viewers).Add(c => c.OwnUserId, ownUserId));
    }

    [Fact]
    public void Render_Others_ShowsNameRoleAndOrganisation()
    {
        var cut = RenderList([Me, Nurse]);

        var chip = Assert.Single(cut.FindAll("[data-testid=presence-viewer]"));
        var text = Normalise(chip.TextContent);
        Assert.Contains("Anna Nurse", text, StringComparison.Ordinal);
        Assert.Contains("Municipal nurse", text, StringComparison.Ordinal);
        Assert.Contains("Aarhus Kommune Hjemmepleje", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ViewerWithoutOrganisation_ShowsNameAndRoleOnly()
    {
        var cut = RenderList([Me, Relative]);

        var text = Normalise(Assert.Single(cut.FindAll("[data-testid=presence-viewer]")).TextContent);
        Assert.EndsWith("Ulla Hansen · Relative", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_OwnUser_IsLeftOut()
    {
        var cut = RenderList([Me, Nurse, Relative]);

        var names = cut.FindAll("[data-testid=presence-viewer]").Select(c => c.TextContent).ToList();
        Assert.Equal(2, names.Count);
        Assert.DoesNotContain(names, n => n.Contains(Me.DisplayName, StringComparison.Ordinal));
        Assert.Contains("Also viewing", cut.Find("[data-testid=presence-list]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Alone_SaysNoOneElseIsViewing()
    {
        var cut = RenderList([Me]);

        Assert.Empty(cut.FindAll("[data-testid=presence-viewer]"));
        Assert.Contains("No one else is viewing", cut.Find("[data-testid=presence-list]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_NoViewers_SaysNoOneElseIsViewing()
    {
        var cut = RenderList([]);

        Assert.Contains("No one else is viewing", cut.Find("[data-testid=presence-list]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Others_AddsNoComponentPerViewer()
    {
        // Every component stays in each open pathway's memory; the list grows with the viewers (docs/benchmarks.md).
        var cut = RenderList([Me, Nurse, Relative]);

        Assert.Equal(2, cut.FindAll("[data-testid=presence-viewer]").Count);
        Assert.Empty(cut.FindComponents<MudTooltip>());
        Assert.Empty(cut.FindComponents<MudChip<string>>());
        Assert.Empty(cut.FindComponents<MudIcon>());
        Assert.Equal("Municipal nurse, Aarhus Kommune Hjemmepleje", cut.Find("[data-tooltip]").GetAttribute("data-tooltip"));
    }

    private static string Normalise(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    [Theory]
    [InlineData(false, "Ingen andre ser dette forløb.")]
    [InlineData(true, "Ser også forløbet:")]
    public void Render_InDanish_SaysWhoElseIsViewingInDanish(bool withNurse, string expected)
    {
        UseLanguage(CareCultures.Danish);

        var cut = RenderList(withNurse ? [Me, Nurse] : [Me]);

        Assert.Contains(expected, cut.Find("[data-testid=presence-list]").TextContent, StringComparison.Ordinal);
    }
}
