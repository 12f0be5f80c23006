using Bunit;
using Microsoft.AspNetCore.Components;

namespace CareWorkspace.IntegrationTests.Infrastructure;

public static class ClickNow
{
    /// <summary>
    /// Finds and clicks in one turn of the renderer: a live re-render between the two would leave the click on an
    /// event handler that no longer exists.
    /// </summary>
    public static async Task ClickNowAsync<T>(this IRenderedComponent<T> cut, string selector) where T : IComponent
    {
        var clicking = Task.CompletedTask;
        await cut.InvokeAsync(() => { clicking = cut.Find(selector).ClickAsync(new()); });
        await clicking;
    }
}
