using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Audit;
using CareWorkspace.Infrastructure.Access;
using Microsoft.Extensions.Logging.Abstractions;

namespace CareWorkspace.UnitTests.Access;

/// <summary>The group-commit writer of read records: order, failure, cancellation and shutdown.</summary>
public sealed class AccessRecordWriterTests
{
    private static readonly Actor Nurse = new("u1", "Anne Holm", UserRole.MunicipalNurse, Guid.NewGuid(), "Home care");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Records_queued_while_a_batch_is_saving_go_together_in_the_next_batch_in_the_order_queued()
    {
        var store = new GatedStore();
        var writer = new AccessRecordWriter(store.SaveAsync, NullLogger<AccessRecordWriter>.Instance);
        var first = writer.WriteAsync([Record("first")], Ct);
        await store.FirstBatchStarted.Task.WaitAsync(Ct);

        var rest = Enumerable.Range(1, 20).Select(i => writer.WriteAsync([Record($"r{i}a"), Record($"r{i}b")], Ct)).ToList();
        store.Gate.SetResult();
        await Task.WhenAll(rest.Append(first));

        Assert.Equal(2, writer.CommittedBatches);
        Assert.Equal(["first"], store.Batches[0].Select(r => r.What));
        Assert.Equal(Enumerable.Range(1, 20).SelectMany(i => new[] { $"r{i}a", $"r{i}b" }), store.Batches[1].Select(r => r.What));
        await writer.StopAsync(Ct);
    }

    [Fact]
    public async Task A_batch_never_holds_more_than_the_maximum_number_of_records()
    {
        var store = new GatedStore();
        var writer = new AccessRecordWriter(store.SaveAsync, NullLogger<AccessRecordWriter>.Instance);
        var first = writer.WriteAsync([Record("first")], Ct);
        await store.FirstBatchStarted.Task.WaitAsync(Ct);

        var rest = Enumerable.Range(0, AccessRecordWriter.MaxBatchRecords + 50).Select(i => writer.WriteAsync([Record($"r{i}")], Ct)).ToList();
        store.Gate.SetResult();
        await Task.WhenAll(rest.Append(first));

        Assert.All(store.Batches, b => Assert.InRange(b.Count, 1, AccessRecordWriter.MaxBatchRecords));
        Assert.Equal(AccessRecordWriter.MaxBatchRecords + 51, store.Batches.Sum(b => b.Count));
        await writer.StopAsync(Ct);
    }

    [Fact]
    public async Task A_failed_batch_fails_every_waiting_caller_and_the_next_batch_is_saved()
    {
        var store = new GatedStore { FailFirstBatch = true };
        var writer = new AccessRecordWriter(store.SaveAsync, NullLogger<AccessRecordWriter>.Instance);
        var failing = new[] { writer.WriteAsync([Record("a")], Ct), writer.WriteAsync([Record("b")], Ct) };
        await store.FirstBatchStarted.Task.WaitAsync(Ct);
        store.Gate.SetResult();

        foreach (var write in failing)
        {
            var error = await Assert.ThrowsAsync<AccessRecordNotSavedException>(() => write);
            Assert.IsType<InvalidOperationException>(error.InnerException);
        }
        await writer.WriteAsync([Record("later")], Ct);

        Assert.Equal(1, writer.CommittedBatches);
        Assert.Equal(["later"], store.Saved.Select(r => r.What));
        await writer.StopAsync(Ct);
    }

    [Fact]
    public async Task A_caller_cancelled_before_its_batch_is_written_has_no_record()
    {
        var store = new GatedStore();
        var writer = new AccessRecordWriter(store.SaveAsync, NullLogger<AccessRecordWriter>.Instance);
        var first = writer.WriteAsync([Record("first")], Ct);
        await store.FirstBatchStarted.Task.WaitAsync(Ct);

        using var leaving = new CancellationTokenSource();
        var left = writer.WriteAsync([Record("left")], leaving.Token);
        var stayed = writer.WriteAsync([Record("stayed")], Ct);
        await leaving.CancelAsync();
        store.Gate.SetResult();

        await Task.WhenAll(first, stayed);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => left);
        Assert.Equal(["first", "stayed"], store.Saved.Select(r => r.What));
        await writer.StopAsync(Ct);
    }

    [Fact]
    public async Task Stopping_writes_everything_queued_and_refuses_records_queued_afterwards()
    {
        var store = new GatedStore();
        var writer = new AccessRecordWriter(store.SaveAsync, NullLogger<AccessRecordWriter>.Instance);
        var first = writer.WriteAsync([Record("first")], Ct);
        await store.FirstBatchStarted.Task.WaitAsync(Ct);
        var queued = Enumerable.Range(0, 10).Select(i => writer.WriteAsync([Record($"q{i}")], Ct)).ToList();

        var stopping = writer.StopAsync(Ct);
        await Assert.ThrowsAsync<AccessRecordNotSavedException>(() => writer.WriteAsync([Record("too late")], Ct));
        store.Gate.SetResult();
        await stopping;

        await Task.WhenAll(queued.Append(first));
        Assert.Equal(11, store.Saved.Count);
        Assert.DoesNotContain(store.Saved, r => r.What == "too late");
    }

    [Fact]
    public async Task Killed_mid_batch_no_write_completes_without_its_records_saved()
    {
        // The first batch is saved; the second never finishes saving (the process is being killed); a third queues behind.
        var store = new GatedStore { HangSecondBatch = true };
        var writer = new AccessRecordWriter(store.SaveAsync, NullLogger<AccessRecordWriter>.Instance);
        var saved = writer.WriteAsync([Record("saved")], Ct);
        await store.FirstBatchStarted.Task.WaitAsync(Ct);
        var inFlight = Enumerable.Range(0, 5).Select(i => writer.WriteAsync([Record($"in flight {i}")], Ct)).ToList();
        store.Gate.SetResult();
        await saved;
        await store.SecondBatchStarted.Task.WaitAsync(Ct);
        var queued = Enumerable.Range(0, 5).Select(i => writer.WriteAsync([Record($"queued {i}")], Ct)).ToList();

        // Stopping with no time left (an already-cancelled token) gives up on the batch in flight.
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => writer.StopAsync(new CancellationToken(canceled: true)));

        var savedWhats = store.Saved.Select(r => r.What).ToHashSet();
        Assert.Contains("saved", savedWhats);
        foreach (var write in inFlight.Concat(queued))
            Assert.False(write.IsCompletedSuccessfully, "A read whose record was not saved must not be shown.");
        Assert.DoesNotContain(savedWhats, w => w.StartsWith("in flight", StringComparison.Ordinal) || w.StartsWith("queued", StringComparison.Ordinal));
        await Assert.ThrowsAsync<AccessRecordNotSavedException>(() => writer.WriteAsync([Record("after the kill")], Ct));
    }

    private static AccessRecord Record(string what) =>
        new(DateTimeOffset.UnixEpoch, Nurse, Guid.NewGuid(), PatientSection.CareTeam, what, AccessAction.Read, true, "On the care team.");

    /// <summary>Holds the first batch until released, so that the test decides what queues behind it.</summary>
    private sealed class GatedStore
    {
        public TaskCompletionSource FirstBatchStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource Gate { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource SecondBatchStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public bool FailFirstBatch { get; init; }
        public bool HangSecondBatch { get; init; }
        public List<IReadOnlyList<AccessRecord>> Batches { get; } = [];
        public List<AccessRecord> Saved => Batches.SelectMany(b => b).ToList();
        private int calls;

        public async Task SaveAsync(IReadOnlyList<AccessRecord> records, CancellationToken ct)
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                FirstBatchStarted.SetResult();
                await Gate.Task;
                if (FailFirstBatch)
                    throw new InvalidOperationException("The database is unavailable.");
            }
            else if (HangSecondBatch)
            {
                SecondBatchStarted.TrySetResult();
                await new TaskCompletionSource().Task;
            }
            Batches.Add(records);
        }
    }
}
