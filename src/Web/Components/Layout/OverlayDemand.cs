namespace CareWorkspace.Web.Components.Layout;

/// <summary>
/// Whether this circuit's layout has rendered MudBlazor's popover, dialog and snackbar providers. They cost every open
/// page about 20 KB (docs/benchmarks.md, "Memory per idle circuit"), and the pathway's Overview tab, the page most often
/// left open, uses none of them: there they wait until a part of the page asks for them (a tab with a form or a list
/// to pick from, the emergency-access dialog). Once shown they stay for the rest of the circuit.
/// </summary>
public sealed class OverlayDemand
{
    private readonly TaskCompletionSource shown = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool asked;

    /// <summary>Raised once, when a part of the page first asks for the providers.</summary>
    public event Action? Asked;

    public bool IsAsked => asked;

    public bool AreShown => shown.Task.IsCompleted;

    /// <summary>Asks for the providers; completes once they are rendered (at once if they already are).</summary>
    public Task ShowAsync()
    {
        if (!asked && !AreShown)
        {
            asked = true;
            Asked?.Invoke();
        }
        return shown.Task;
    }

    /// <summary>Told by <see cref="OverlayProviders"/> after the render that brought the providers.</summary>
    public void ProvidersRendered() => shown.TrySetResult();
}
