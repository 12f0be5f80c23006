using Microsoft.AspNetCore.Components;

namespace CareWorkspace.Web.Components;

/// <summary>
/// A component that renders only when what it shows changed: <see cref="View"/> is what its markup shows, as a value,
/// and a render is skipped when that value equals the one last rendered.
/// </summary>
/// <remarks>
/// For components that live views re-render for every viewer on every change (a patient's care team, a triage board
/// open on many devices): most of those renders would send the same markup again.
/// </remarks>
public abstract class ViewComponent<TView> : ComponentBase
{
    private TView? shown;
    private bool hasShown;

    /// <summary>What the markup shows now; equal views must render the same markup.</summary>
    protected abstract TView View { get; }

    /// <summary>Whether two views render the same markup; by default value equality.</summary>
    protected virtual bool ShowsTheSame(TView shown, TView now) => EqualityComparer<TView>.Default.Equals(shown, now);

    /// <summary>The next render happens whatever the view (e.g. a child may show something else than the view says).</summary>
    protected void RenderNextTime() => hasShown = false;

    protected override bool ShouldRender()
    {
        var now = View;
        if (hasShown && ShowsTheSame(shown!, now))
            return false;
        (shown, hasShown) = (now, true);
        return true;
    }

    // The first render does not ask ShouldRender: what it showed is remembered once it is done, unless a later
    // render (which did ask) already was.
    protected override void OnAfterRender(bool firstRender)
    {
        if (firstRender && !hasShown)
            (shown, hasShown) = (View, true);
    }
}
