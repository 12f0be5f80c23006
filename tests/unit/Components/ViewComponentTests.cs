using Bunit;
using CareWorkspace.Web.Components;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace CareWorkspace.UnitTests.Components;

/// <summary>A view component renders only when what it shows differs from what it last rendered.</summary>
public sealed class ViewComponentTests : BunitTestBase
{
    [Fact]
    public void The_same_view_again_is_not_rendered_a_different_one_is_and_so_is_going_back_to_an_earlier_one()
    {
        var cut = Render<ShownWord>(p => p.Add(c => c.Word, "aspirin"));

        cut.Render(p => p.Add(c => c.Word, "aspirin"));
        var afterSame = cut.RenderCount;
        cut.Render(p => p.Add(c => c.Word, "paracetamol"));
        cut.Render(p => p.Add(c => c.Word, "aspirin"));

        Assert.Equal((1, 3), (afterSame, cut.RenderCount));
        Assert.Equal("aspirin", cut.Find("p").TextContent);
    }

    [Fact]
    public void Render_next_time_renders_once_whatever_the_view_and_then_compares_again()
    {
        var cut = Render<ShownWord>(p => p.Add(c => c.Word, "aspirin"));

        cut.Instance.ForceNextRender();
        cut.Render(p => p.Add(c => c.Word, "aspirin"));
        cut.Render(p => p.Add(c => c.Word, "aspirin"));

        Assert.Equal(2, cut.RenderCount);
    }

    [Fact]
    public void A_component_that_says_when_two_views_show_the_same_is_compared_its_way()
    {
        var cut = Render<ShownWordIgnoringCase>(p => p.Add(c => c.Word, "aspirin"));

        cut.Render(p => p.Add(c => c.Word, "ASPIRIN"));
        var afterSameIgnoringCase = cut.RenderCount;
        cut.Render(p => p.Add(c => c.Word, "ibuprofen"));

        Assert.Equal((1, 2), (afterSameIgnoringCase, cut.RenderCount));
    }

    private class ShownWord : ViewComponent<string>
    {
        [Parameter]
        public string Word { get; set; } = "";

        protected override string View => Word;

        public void ForceNextRender() => RenderNextTime();

        protected override void BuildRenderTree(RenderTreeBuilder builder)
        {
            builder.OpenElement(0, "p");
            builder.AddContent(1, Word);
            builder.CloseElement();
        }
    }

    private sealed class ShownWordIgnoringCase : ShownWord
    {
        protected override bool ShowsTheSame(string shown, string now) => string.Equals(shown, now, StringComparison.OrdinalIgnoreCase);
    }
}
