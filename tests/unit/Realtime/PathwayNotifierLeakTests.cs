using CareWorkspace.Domain.Access;
using CareWorkspace.Infrastructure.Realtime;
using Microsoft.Extensions.Logging.Abstractions;

namespace CareWorkspace.UnitTests.Realtime;

/// <summary>Circuits come and go all day: every subscription must be gone once disposed.</summary>
public sealed class PathwayNotifierLeakTests
{
    private const int Cycles = 10_000;

    private static PathwayNotifier NewNotifier() =>
        new(NullLogger<PathwayNotifier>.Instance, TimeProvider.System, new FakePathwayBus());

    private static Task Ignore(PathwayChange change) => Task.CompletedTask;

    [Fact]
    public async Task SubscribeAndDispose_TenThousandCycles_LeavesNoSubscriptions()
    {
        await using var notifier = NewNotifier();
        var patients = Enumerable.Range(0, 50).Select(_ => Guid.NewGuid()).ToArray();
        var sections = Enum.GetValues<PatientSection>();

        for (var i = 0; i < Cycles; i++)
        {
            var section = i % 8 == 0 ? (PatientSection?)null : sections[i % sections.Length];
            using var one = notifier.Subscribe(patients[i % patients.Length], section, Ignore);
            using var all = notifier.SubscribeAll(section, Ignore);
        }

        Assert.Equal(0, notifier.SubscriptionCount);
        Assert.Equal(0, notifier.PatientsWithSubscribers);
    }

    [Fact]
    public async Task SubscribeAndDispose_OverlappingLifetimes_LeavesNoSubscriptions()
    {
        await using var notifier = NewNotifier();
        var patient = Guid.NewGuid();
        var open = new Queue<IDisposable>();

        // Several tabs of one patient open at once, closed in a different order than they were opened.
        for (var i = 0; i < Cycles; i++)
        {
            open.Enqueue(notifier.Subscribe(patient, PatientSection.CareTeam, Ignore));
            if (open.Count > 7)
                open.Dequeue().Dispose();
        }
        Assert.Equal(7, notifier.SubscriptionCount);
        while (open.Count > 0)
            open.Dequeue().Dispose();

        Assert.Equal(0, notifier.SubscriptionCount);
        Assert.Equal(0, notifier.PatientsWithSubscribers);
    }

    [Fact]
    public async Task SubscribeAndDispose_ConcurrentlyFromSeveralTasks_LeavesNoSubscriptions()
    {
        await using var notifier = NewNotifier();
        var shared = Guid.NewGuid();
        var ct = TestContext.Current.CancellationToken;
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var workers = Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            var own = Guid.NewGuid();
            await go.Task;
            for (var i = 0; i < Cycles; i++)
            {
                // Half the work contends on one patient's array, half on the all-patients array or an own patient.
                using var a = notifier.Subscribe(shared, null, Ignore);
                using var b = i % 2 == 0 ? notifier.SubscribeAll(PatientSection.Messages, Ignore) : notifier.Subscribe(own, PatientSection.Messages, Ignore);
                if (i % 100 == 0)
                    notifier.PathwayChanged(new PathwayChange(shared, PatientSection.Messages));
            }
        }, ct)).ToArray();
        go.SetResult();
        await Task.WhenAll(workers).WaitAsync(TimeSpan.FromMinutes(1), ct);

        Assert.Equal(0, notifier.SubscriptionCount);
        Assert.Equal(0, notifier.PatientsWithSubscribers);
    }

    [Fact]
    public async Task Subscribe_AfterManyCycles_StillDelivers()
    {
        await using var notifier = NewNotifier();
        var patient = Guid.NewGuid();
        for (var i = 0; i < Cycles; i++)
            notifier.Subscribe(patient, null, Ignore).Dispose();
        var recorder = new ChangeRecorder();
        using var subscription = notifier.Subscribe(patient, null, recorder.OnChange);

        notifier.PathwayChanged(new PathwayChange(patient, PatientSection.Timeline));

        Assert.Equal(PatientSection.Timeline, (await recorder.NextAsync()).Section);
        Assert.Equal(1, notifier.SubscriptionCount);
        Assert.Equal(1, notifier.PatientsWithSubscribers);
    }
}
