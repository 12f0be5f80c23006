using System.Threading.Channels;
using CareWorkspace.Domain.Audit;
using CareWorkspace.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CareWorkspace.Infrastructure.Access;

/// <summary>
/// Writes the access records of reads in group commits: records from many viewers are saved together in one
/// transaction every few milliseconds (or when <see cref="MaxBatchRecords"/> are waiting), and each caller's
/// <see cref="WriteAsync"/> completes only once its own records are durable, so no read is shown without its record.
/// </summary>
public sealed class AccessRecordWriter : IHostedService
{
    public const int MaxBatchRecords = 200;
    public static readonly TimeSpan FlushInterval = TimeSpan.FromMilliseconds(5);

    private readonly Func<IReadOnlyList<AccessRecord>, CancellationToken, Task> save;
    private readonly ILogger<AccessRecordWriter> logger;
    private readonly Channel<Pending> queue = Channel.CreateUnbounded<Pending>();
    private readonly Task loop;
    private long batches;

    public AccessRecordWriter(IDbContextFactory<CareDbContext> databases, ILogger<AccessRecordWriter> logger)
        : this(SaveWith(databases), logger)
    {
    }

    /// <param name="save">Saves one batch in one transaction; throws if it was not saved.</param>
    public AccessRecordWriter(Func<IReadOnlyList<AccessRecord>, CancellationToken, Task> save, ILogger<AccessRecordWriter> logger)
    {
        this.save = save;
        this.logger = logger;
        loop = Task.Run(WriteBatchesAsync);
    }

    /// <summary>How many batches have been committed, for tests and diagnostics.</summary>
    public long CommittedBatches => Interlocked.Read(ref batches);

    /// <summary>
    /// Queues the records and waits until they are saved. A caller cancelled before its batch is written has its
    /// records dropped (the read was not shown); a failed batch throws <see cref="AccessRecordNotSavedException"/>.
    /// </summary>
    public Task WriteAsync(IReadOnlyList<AccessRecord> records, CancellationToken ct = default)
    {
        ct.ThrowIfCancellationRequested();
        if (records.Count == 0)
            return Task.CompletedTask;
        var pending = new Pending(records, ct, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!queue.Writer.TryWrite(pending))
            throw new AccessRecordNotSavedException("The access log is shutting down; the read was not recorded.", null);
        return pending.Saved.Task;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Writes everything already queued, then refuses new records.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        queue.Writer.TryComplete();
        await loop.WaitAsync(cancellationToken);
    }

    private async Task WriteBatchesAsync()
    {
        var reader = queue.Reader;
        var idle = true;
        while (await reader.WaitToReadAsync())
        {
            // Coming out of quiet, wait a moment so that the viewers reading at the same time share one transaction.
            // Records that queued up during the previous commit have waited long enough: they go at once.
            if (idle && reader.Count < MaxBatchRecords && !reader.Completion.IsCompleted)
                await Task.Delay(FlushInterval);
            var batch = new List<Pending>();
            var count = 0;
            while (count < MaxBatchRecords && reader.TryRead(out var pending))
            {
                if (pending.CallerCancelled.IsCancellationRequested)
                {
                    pending.Saved.TrySetCanceled(pending.CallerCancelled);
                    continue;
                }
                batch.Add(pending);
                count += pending.Records.Count;
            }
            if (batch.Count > 0)
                await CommitAsync(batch);
            idle = reader.Count == 0;
        }
    }

    private async Task CommitAsync(List<Pending> batch)
    {
        try
        {
            await save(batch.SelectMany(p => p.Records).ToList(), CancellationToken.None);
            Interlocked.Increment(ref batches);
            foreach (var pending in batch)
                pending.Saved.TrySetResult();
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "A batch of {Count} access records could not be saved; the reads are refused.", batch.Sum(p => p.Records.Count));
            var failure = new AccessRecordNotSavedException("The access log could not be written, so the data is not shown. Try again.", ex);
            foreach (var pending in batch)
                pending.Saved.TrySetException(failure);
        }
    }

    private static Func<IReadOnlyList<AccessRecord>, CancellationToken, Task> SaveWith(IDbContextFactory<CareDbContext> databases) =>
        async (records, ct) =>
        {
            await using var db = await databases.CreateDbContextAsync(ct);
            await AccessRecordRows.InsertAsync(db, records, ct);
        };

    private sealed record Pending(IReadOnlyList<AccessRecord> Records, CancellationToken CallerCancelled, TaskCompletionSource Saved);
}
