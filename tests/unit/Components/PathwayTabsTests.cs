using Bunit;
using CareWorkspace.Domain.Access;
using CareWorkspace.Web.Features.Pathway;
using CareWorkspace.Web.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;

namespace CareWorkspace.UnitTests.Components;

public sealed class PathwayTabsTests : BunitTestBase
{
    private static readonly PathwaySectionDescriptor[] Sections =
    [
        new("overview", "Overview", Icons.Material.Filled.Dashboard, typeof(ComponentBase), 10, PatientSection.MasterData),
        new("messages", "Messages", Icons.Material.Filled.Forum, typeof(ComponentBase), 30, PatientSection.Messages),
        new("timeline", "Timeline", Icons.Material.Filled.Timeline, typeof(ComponentBase), 40, PatientSection.Timeline),
    ];

    private readonly List<int> selected = [];

    // As the pathway page does: the selection comes back as the new active index.
    private IRenderedComponent<PathwayTabs> RenderTabs(int active)
    {
        IRenderedComponent<PathwayTabs>? cut = null;
        cut = Render<PathwayTabs>(p => p
            .Add(c => c.Sections, Sections)
            .Add(c => c.ActiveIndex, active)
            .Add(c => c.ActiveIndexChanged, index =>
            {
                selected.Add(index);
                cut!.Render(q => q.Add(c => c.ActiveIndex, index));
            })
            .Add(c => c.ChildContent, section => builder =>
            {
                builder.OpenElement(0, "p");
                builder.AddAttribute(1, "data-testid", "open-section");
                builder.AddContent(2, section.Key);
                builder.CloseElement();
            }));
        return cut;
    }

    [Fact]
    public void Render_TabsAndOnlyTheOpenPanel_WithTheirRolesAndLinks()
    {
        var cut = RenderTabs(active: 1);

        Assert.Equal("Sections of the pathway", cut.Find("[role=tablist]").GetAttribute("aria-label"));
        var tabs = cut.FindAll("[role=tab]");
        Assert.Equal(["Overview", "Messages", "Timeline"], tabs.Select(t => t.TextContent.Trim()));
        Assert.Equal(["false", "true", "false"], tabs.Select(t => t.GetAttribute("aria-selected")));
        // Only the selected tab is in the Tab order (roving tabindex).
        Assert.Equal(["-1", "0", "-1"], tabs.Select(t => t.GetAttribute("tabindex")));
        var panel = Assert.Single(cut.FindAll("[role=tabpanel]"));
        Assert.Equal(tabs[1].GetAttribute("aria-controls"), panel.Id);
        Assert.Equal(tabs[1].Id, panel.GetAttribute("aria-labelledby"));
        Assert.Equal("messages", cut.Find("[data-testid=open-section]").TextContent);
        Assert.Contains("mud-tab-active", tabs[1].ClassList);
    }

    [Fact]
    public void Click_AnotherTab_OpensItsSection()
    {
        var cut = RenderTabs(active: 0);

        cut.FindAll("[role=tab]")[2].Click();

        Assert.Equal([2], selected);
        Assert.Equal("timeline", cut.Find("[data-testid=open-section]").TextContent);
        Assert.Equal("true", cut.FindAll("[role=tab]")[2].GetAttribute("aria-selected"));
    }

    [Fact]
    public void Click_TheOpenTab_ChangesNothing()
    {
        var cut = RenderTabs(active: 0);

        cut.FindAll("[role=tab]")[0].Click();

        Assert.Empty(selected);
    }

    [Theory]
    [InlineData(0, "ArrowRight", 1)]
    [InlineData(2, "ArrowRight", 0)]
    [InlineData(1, "ArrowLeft", 0)]
    [InlineData(0, "ArrowLeft", 2)]
    [InlineData(1, "Home", 0)]
    [InlineData(0, "End", 2)]
    public void Key_MovesToAndOpensTheNextSection_AndFocusesItsTab(int active, string key, int expected)
    {
        var cut = RenderTabs(active);

        cut.FindAll("[role=tab]")[active].KeyDown(new KeyboardEventArgs { Key = key });

        Assert.Equal([expected], selected);
        Assert.Equal(Sections[expected].Key, cut.Find("[data-testid=open-section]").TextContent);
        Assert.Equal("0", cut.FindAll("[role=tab]")[expected].GetAttribute("tabindex"));
        // The keyboard stays on the tab strip: the newly selected tab takes the focus.
        Assert.Single(JSInterop.Invocations, i => i.Identifier == "Blazor._internal.domWrapper.focus");
    }

    [Fact]
    public void Key_OtherThanArrowsHomeEnd_LeavesTheSelection()
    {
        var cut = RenderTabs(active: 1);

        cut.FindAll("[role=tab]")[1].KeyDown(new KeyboardEventArgs { Key = "Enter" });
        cut.FindAll("[role=tab]")[1].KeyDown(new KeyboardEventArgs { Key = "a" });

        Assert.Empty(selected);
        Assert.Empty(JSInterop.Invocations);
    }

    [Fact]
    public void Render_Danish_LabelsTheTabList()
    {
        UseLanguage(CareCultures.Danish);

        var cut = RenderTabs(active: 0);

        Assert.Equal("Forløbets afsnit", cut.Find("[role=tablist]").GetAttribute("aria-label"));
    }
}
