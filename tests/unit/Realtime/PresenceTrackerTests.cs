using CareWorkspace.Domain.Access;
using CareWorkspace.Infrastructure.Realtime;
using Microsoft.Extensions.Logging.Abstractions;

namespace CareWorkspace.UnitTests.Realtime;

public sealed class PresenceTrackerTests : IAsyncLifetime
{
    private static readonly Guid Patient = Guid.NewGuid();
    private static readonly Viewer Nurse = new("user-nurse", "Anna Nurse", UserRole.MunicipalNurse, "Aarhus Kommune Hjemmepleje");
    private static readonly Viewer Doctor = new("user-doctor", "Bo Doctor", UserRole.HospitalClinician, "Aarhus Universitetshospital");

    private readonly ManualClock _clock = new(new DateTimeOffset(2025, 3, 7, 10, 0, 0, TimeSpan.Zero));
    private readonly PathwayNotifier _notifier;
    private readonly PresenceTracker _tracker;

    public PresenceTrackerTests()
    {
        _notifier = new PathwayNotifier(NullLogger<PathwayNotifier>.Instance, TimeProvider.System, new FakePathwayBus());
        _tracker = new PresenceTracker(new LocalPresenceStore(), _notifier, _clock, NullLogger<PresenceTracker>.Instance);
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        await _tracker.DisposeAsync();
        await _notifier.DisposeAsync();
    }

    [Fact]
    public async Task JoinAsync_Viewer_IsVisible()
    {
        await using var visit = await _tracker.JoinAsync(Patient, Nurse);

        Assert.Equal([Nurse], await _tracker.ViewersAsync(Patient));
    }

    [Fact]
    public async Task JoinAsync_OtherPatient_IsNotVisible()
    {
        await using var visit = await _tracker.JoinAsync(Patient, Nurse);

        Assert.Empty(await _tracker.ViewersAsync(Guid.NewGuid()));
    }

    [Fact]
    public async Task ViewersAsync_SameUserInTwoTabs_ListedOnce()
    {
        await using var firstTab = await _tracker.JoinAsync(Patient, Nurse);
        await using var secondTab = await _tracker.JoinAsync(Patient, Nurse);
        await using var other = await _tracker.JoinAsync(Patient, Doctor);

        Assert.Equal([Nurse, Doctor], await _tracker.ViewersAsync(Patient));
    }

    [Fact]
    public async Task Leave_OnlyTab_RemovesViewer()
    {
        var visit = await _tracker.JoinAsync(Patient, Nurse);
        await using var other = await _tracker.JoinAsync(Patient, Doctor);

        await visit.DisposeAsync();

        Assert.Equal([Doctor], await _tracker.ViewersAsync(Patient));
    }

    [Fact]
    public async Task Leave_OneOfTwoTabs_KeepsViewer()
    {
        var firstTab = await _tracker.JoinAsync(Patient, Nurse);
        await using var secondTab = await _tracker.JoinAsync(Patient, Nurse);

        await firstTab.DisposeAsync();

        Assert.Equal([Nurse], await _tracker.ViewersAsync(Patient));
    }

    [Fact]
    public async Task Leave_Twice_SignalsOnce()
    {
        var recorder = new ChangeRecorder();
        using var subscription = _notifier.Subscribe(Patient, PatientSection.Presence, recorder.OnChange);
        var visit = await _tracker.JoinAsync(Patient, Nurse);
        await recorder.NextAsync();

        await visit.DisposeAsync();
        await visit.DisposeAsync();
        await using var marker = await _tracker.JoinAsync(Patient, Doctor);

        // The nurse's departure, then straight to the doctor's arrival: no second departure in between.
        Assert.Equal(Nurse.UserId, (await recorder.NextAsync()).ByUserId);
        Assert.Equal(Doctor.UserId, (await recorder.NextAsync()).ByUserId);
    }

    [Fact]
    public async Task JoinAndLeave_Always_SignalPresenceChange()
    {
        var recorder = new ChangeRecorder();
        using var subscription = _notifier.Subscribe(Patient, PatientSection.Presence, recorder.OnChange);

        var visit = await _tracker.JoinAsync(Patient, Nurse);
        var joined = await recorder.NextAsync();
        await visit.DisposeAsync();
        var left = await recorder.NextAsync();

        Assert.Equal((Patient, PatientSection.Presence, Nurse.UserId), (joined.PatientId, joined.Section, joined.ByUserId));
        Assert.Equal((Patient, PatientSection.Presence, Nurse.UserId), (left.PatientId, left.Section, left.ByUserId));
    }

    [Fact]
    public async Task ViewersAsync_WithoutHeartbeatBeforeLifetime_StillListed()
    {
        await using var visit = await _tracker.JoinAsync(Patient, Nurse);

        _clock.Advance(PresenceTracker.Lifetime - TimeSpan.FromSeconds(1));

        Assert.Equal([Nurse], await _tracker.ViewersAsync(Patient));
    }

    [Fact]
    public async Task ViewersAsync_WithoutHeartbeatAfterLifetime_Expired()
    {
        await using var visit = await _tracker.JoinAsync(Patient, Nurse);

        _clock.Advance(PresenceTracker.Lifetime);

        Assert.Empty(await _tracker.ViewersAsync(Patient));
    }

    [Fact]
    public async Task Heartbeat_BeforeExpiry_KeepsViewerPastFirstLifetime()
    {
        await using var visit = await _tracker.JoinAsync(Patient, Nurse);

        _clock.Advance(PresenceTracker.Heartbeat);
        _clock.FireTimers();
        _clock.Advance(PresenceTracker.Lifetime - PresenceTracker.Heartbeat + TimeSpan.FromSeconds(1));

        Assert.Equal([Nurse], await _tracker.ViewersAsync(Patient));
    }

    [Fact]
    public async Task Heartbeat_AfterLeaving_DoesNotBringViewerBack()
    {
        var visit = await _tracker.JoinAsync(Patient, Nurse);
        await visit.DisposeAsync();

        _clock.FireTimers();

        Assert.Empty(await _tracker.ViewersAsync(Patient));
    }

    [Fact]
    public async Task DisposeAsync_Tracker_StopsHeartbeatTimer()
    {
        Assert.Equal(1, _clock.LiveTimers);

        await _tracker.DisposeAsync();

        Assert.Equal(0, _clock.LiveTimers);
    }
}
