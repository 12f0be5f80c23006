using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace CareWorkspace.Web.Components;

/// <summary>
/// The markup a small <c>MudIconButton</c> renders, without its component and its <c>MudIcon</c>: every viewer re-renders
/// its table rows on each change to the patient, and two components per button were the larger part of that
/// (docs/benchmarks.md).
/// </summary>
public static class SmallIconButton
{
    /// <param name="receiver">The component the click belongs to: it renders after the click, as with an <c>@onclick</c> of its own.</param>
    /// <param name="icon">The icon's SVG content (<c>Icons.Material.…</c>).</param>
    /// <param name="label">The button's accessible name.</param>
    /// <param name="onClick">What the click does.</param>
    public static RenderFragment For(IHandleEvent receiver, string icon, string label, Func<Task> onClick) => builder =>
    {
        builder.OpenElement(0, "button");
        builder.AddAttribute(1, "type", "button");
        builder.AddAttribute(2, "class", "mud-button-root mud-icon-button mud-ripple mud-ripple-icon mud-icon-button-size-small");
        builder.AddAttribute(3, "aria-label", label);
        builder.AddAttribute(4, "onclick", EventCallback.Factory.Create<MouseEventArgs>(receiver, onClick));
        builder.AddEventStopPropagationAttribute(5, "onclick", true);
        builder.OpenElement(6, "span");
        builder.AddAttribute(7, "class", "mud-icon-button-label");
        builder.OpenElement(8, "svg");
        builder.AddAttribute(9, "class", "mud-icon-root mud-svg-icon mud-icon-size-small");
        builder.AddAttribute(10, "focusable", "false");
        builder.AddAttribute(11, "viewBox", "0 0 24 24");
        builder.AddAttribute(12, "aria-hidden", "true");
        builder.AddAttribute(13, "role", "img");
        builder.AddMarkupContent(14, icon);
        builder.CloseElement();
        builder.CloseElement();
        builder.CloseElement();
    };
}
