using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Common;
using CareWorkspace.Infrastructure.Realtime;
using CareWorkspace.Web.Security;
using Microsoft.AspNetCore.Components;

namespace CareWorkspace.Web.Features.Pathway;

/// <summary>
/// A live pathway section: loads under the viewer's own authorisation, and re-loads inside the circuit's
/// dispatcher whenever a watched section of this patient changes or the connection comes back.
/// Bursts of changes coalesce into one re-load.
/// </summary>
public abstract class PathwaySectionBase : ComponentBase, IDisposable
{
    private readonly List<IDisposable> _subscriptions = [];
    private Guid _subscribedPatient;
    private bool _reloading;
    private bool _pending;

    [Parameter, EditorRequired]
    public Guid PatientId { get; set; }

    [Inject]
    protected IPathwayNotifier Notifier { get; set; } = default!;

    [Inject]
    protected CurrentActor CurrentActor { get; set; } = default!;

    [Inject]
    private CircuitReconnectNotifier Reconnects { get; set; } = default!;

    /// <summary>Set when the viewer may no longer see this section (e.g. consent withdrawn).</summary>
    protected string? Refusal { get; private set; }

    protected bool Loaded { get; private set; }

    protected abstract IReadOnlyList<PatientSection> WatchedSections { get; }

    protected abstract Task LoadAsync(Actor actor);

    protected override void OnInitialized() => Reconnects.Reconnected += OnReconnectedAsync;

    protected override async Task OnParametersSetAsync()
    {
        // A parent re-render passes the same patient again: only a new patient means a new load.
        if (_subscribedPatient == PatientId)
            return;
        Unsubscribe();
        foreach (var section in WatchedSections)
            _subscriptions.Add(Notifier.Subscribe(PatientId, section, OnChangedAsync));
        _subscribedPatient = PatientId;
        await ReloadAsync();
    }

    protected async Task ReloadAsync()
    {
        try
        {
            await LoadAsync(await CurrentActor.GetAsync());
            Refusal = null;
        }
        catch (PatientAccessDeniedException ex)
        {
            Refusal = ex.Message;
        }
        catch (DomainException ex)
        {
            Refusal = ex.Message;
        }
        Loaded = true;
    }

    private Task OnChangedAsync(PathwayChange change) => InvokeAsync(ReloadCoalescedAsync);

    private Task OnReconnectedAsync() => InvokeAsync(ReloadCoalescedAsync);

    private async Task ReloadCoalescedAsync()
    {
        // Runs on the circuit's dispatcher; a change arriving during a re-load triggers one more pass.
        _pending = true;
        if (_reloading)
            return;
        _reloading = true;
        try
        {
            while (_pending)
            {
                _pending = false;
                await ReloadAsync();
                StateHasChanged();
            }
        }
        finally
        {
            _reloading = false;
        }
    }

    private void Unsubscribe()
    {
        foreach (var subscription in _subscriptions)
            subscription.Dispose();
        _subscriptions.Clear();
    }

    public void Dispose()
    {
        Reconnects.Reconnected -= OnReconnectedAsync;
        Unsubscribe();
        GC.SuppressFinalize(this);
    }
}
