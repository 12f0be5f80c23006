using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Common;
using CareWorkspace.Infrastructure.Persistence;
using CareWorkspace.Infrastructure.Realtime;
using CareWorkspace.Web.Features.Live;
using CareWorkspace.Web.Security;
using Microsoft.AspNetCore.Components;

namespace CareWorkspace.Web.Features.Pathway;

/// <summary>
/// A live pathway section: loads under the viewer's own authorisation, and re-loads inside the circuit's
/// dispatcher whenever a watched section of this patient changes or the connection comes back (<see cref="LiveUpdates"/>).
/// Bursts of changes coalesce into one re-load.
/// </summary>
/// <remarks>
/// Leaving the page cancels <see cref="Leaving"/>: sections pass it to every service call, so a load still in flight
/// for a page the user already left stops before it reads, and writes no access record.
/// </remarks>
public abstract class PathwaySectionBase : ComponentBase, IDisposable
{
    private readonly CancellationTokenSource _leaving = new();
    private LiveUpdates? _live;
    private Guid _subscribedPatient;

    [Parameter, EditorRequired]
    public Guid PatientId { get; set; }

    [Inject]
    protected IPathwayNotifier Notifier { get; set; } = default!;

    [Inject]
    protected CurrentActor CurrentActor { get; set; } = default!;

    [Inject]
    private CircuitReconnectNotifier Reconnects { get; set; } = default!;

    [Inject]
    private ILogger<PathwaySectionBase> Logger { get; set; } = default!;

    /// <summary>Set when the viewer may no longer see this section (e.g. consent withdrawn).</summary>
    protected string? Refusal { get; private set; }

    protected bool Loaded { get; private set; }

    /// <summary>Cancelled when the component is disposed (the user left): pass it to every service call.</summary>
    protected CancellationToken Leaving { get; }

    protected PathwaySectionBase() => Leaving = _leaving.Token;

    protected abstract IReadOnlyList<PatientSection> WatchedSections { get; }

    /// <summary>Keys, beyond the patient's sections, whose named changes reload the section (a national service's sync status).</summary>
    protected virtual IReadOnlyList<AudienceKey> WatchedKeys => [];

    protected abstract Task LoadAsync(Actor actor);

    /// <summary>
    /// After a live change or a reconnect: brings the section up to date and says whether it shows something new, so
    /// that a section left as it was is not rendered again. By default the ordinary <see cref="LoadAsync"/>, rendered.
    /// </summary>
    protected virtual async Task<bool> RecheckAsync(Actor actor)
    {
        await LoadAsync(actor);
        return true;
    }

    protected override void OnInitialized() =>
        _live = new LiveUpdates(Notifier, Reconnects, InvokeAsync, ReloadAndRenderAsync, Logger, OnLiveReloadFailedAsync);

    protected override async Task OnParametersSetAsync()
    {
        // A parent re-render passes the same patient again: only a new patient means a new load.
        // Subscribing happens before the first await, so Dispose always finds (and ends) the subscriptions.
        if (_subscribedPatient == PatientId || Leaving.IsCancellationRequested)
            return;
        _live!.StopWatching();
        _live.WatchPatient(PatientId, WatchedSections);
        foreach (var key in WatchedKeys)
            _live.WatchNamed(key);
        _subscribedPatient = PatientId;
        await ReloadAsync();
    }

    /// <summary>
    /// Loads the section; a transient failure of the database is retried (reading is safe to repeat). Any other
    /// failure is thrown to the section's error boundary, which shows it with a "Try again".
    /// </summary>
    protected Task ReloadAsync() => LoadOrRefuseAsync(async actor =>
    {
        await LoadAsync(actor);
        return true;
    });

    /// <summary>Runs a load; returns whether the section shows something new (its data, or a refusal it did not show).</summary>
    private async Task<bool> LoadOrRefuseAsync(Func<Actor, Task<bool>> load)
    {
        var (shownRefusal, wasLoaded) = (Refusal, Loaded);
        var changed = false;
        try
        {
            await Retry.UnitOfWorkAsync(async () =>
            {
                var actor = await CurrentActor.GetAsync();
                Leaving.ThrowIfCancellationRequested();
                changed = await load(actor);
            }, repeatable: true, Leaving);
            Refusal = null;
        }
        catch (OperationCanceledException) when (Leaving.IsCancellationRequested)
        {
            return false;
        }
        catch (PatientAccessDeniedException ex)
        {
            Refusal = ActionErrors.DescribeLoad(ex);
        }
        catch (DomainException ex)
        {
            Refusal = ActionErrors.DescribeLoad(ex);
        }
        Loaded = true;
        return changed || Refusal != shownRefusal || !wasLoaded;
    }

    private async Task ReloadAndRenderAsync()
    {
        var changed = await LoadOrRefuseAsync(RecheckAsync);
        if (changed && !Leaving.IsCancellationRequested)
            StateHasChanged();
    }

    private async Task OnLiveReloadFailedAsync(Exception ex)
    {
        if (Retry.IsTransient(ex))
        {
            // The section keeps what it shows (and what the user is typing in it); the next change or reconnect re-loads.
            Logger.LogWarning(ex, "Live re-load of {Section} for patient {PatientId} failed", GetType().Name, PatientId);
            return;
        }
        // A live re-load is nobody's click: hand the failure to the section's error boundary, not to the notifier.
        await DispatchExceptionAsync(ex);
    }

    public void Dispose()
    {
        _leaving.Cancel();
        _live?.Dispose();
        GC.SuppressFinalize(this);
    }
}
