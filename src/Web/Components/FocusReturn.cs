using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace CareWorkspace.Web.Components;

/// <summary>Gives the focus back to the element a keyboard user came from (a toggle, a button that opened a dialog).</summary>
public static class FocusReturn
{
    /// <summary>Focuses <paramref name="element"/>; when the page went away or the element is gone there is nothing to return to.</summary>
    public static async Task ToAsync(ElementReference element)
    {
        try
        {
            await element.FocusAsync();
        }
        catch (Exception ex) when (ex is JSException or JSDisconnectedException or TaskCanceledException or ObjectDisposedException)
        {
            // Nothing to return to; whatever closed has closed either way.
        }
    }
}
