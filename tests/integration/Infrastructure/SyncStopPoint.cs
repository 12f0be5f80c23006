using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CareWorkspace.IntegrationTests.Infrastructure;

/// <summary>
/// Where a sync is caught in the middle, so that the test can stop the process there: while it waits for the n-th page
/// of a national service's search, or while it saves that page (at the commit of the transaction that records one of
/// the page's items as imported: whatever else of the page is written by then is written). There it waits until its
/// run is cancelled, as Hangfire cancels a job when the server shuts down.
/// </summary>
public sealed class SyncStopPoint
{
    private readonly string search;
    private readonly int page;
    private readonly string? itemOfThePage;
    private int requests;
    private int pageAnswered;

    private SyncStopPoint(string search, int page, string? itemOfThePage) => (this.search, this.page, this.itemOfThePage) = (search, page, itemOfThePage);

    /// <summary>While the sync waits for the <paramref name="page"/>-th page of the search at <paramref name="search"/> ("/Medication/MedicationStatement").</summary>
    public static SyncStopPoint WhileFetching(string search, int page) => new(search, page, null);

    /// <summary>While the sync saves the <paramref name="page"/>-th page, which holds <paramref name="sourceId"/>: before the commit that records it as imported.</summary>
    public static SyncStopPoint WhileCommitting(string search, int page, string sourceId) => new(search, page, sourceId);

    /// <summary>Completes when the sync is caught there.</summary>
    public TaskCompletionSource Reached { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The app's HTTP requests to the national services pass here.</summary>
    public DelegatingHandler Requests() => new RequestHook(this);

    /// <summary>The app's database commits pass here.</summary>
    public IInterceptor Commits() => new CommitHook(this);

    private async Task BeforeRequestAsync(HttpRequestMessage request, CancellationToken ct)
    {
        if (request.RequestUri?.AbsolutePath.Contains(search, StringComparison.Ordinal) != true || Interlocked.Increment(ref requests) < page)
            return;
        if (itemOfThePage is not null)
        {
            Volatile.Write(ref pageAnswered, 1);
            return;
        }
        // Every later attempt waits too (a retry after the attempt timeout).
        Reached.TrySetResult();
        await Task.Delay(Timeout.Infinite, ct);
    }

    private async Task BeforeCommitAsync(DbTransaction transaction, CancellationToken ct)
    {
        if (Volatile.Read(ref pageAnswered) == 0 || Reached.Task.IsCompleted || !await RecordsAsImportedAsync(transaction, ct))
            return;
        Reached.TrySetResult();
        await Task.Delay(Timeout.Infinite, ct);
    }

    /// <summary>Whether the transaction has recorded the page's item as imported (as it sees the table, before its commit).</summary>
    private async Task<bool> RecordsAsImportedAsync(DbTransaction transaction, CancellationToken ct)
    {
        await using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT COUNT(*) FROM \"ImportedItems\" WHERE \"SourceId\" = @id";
        var id = command.CreateParameter();
        id.ParameterName = "@id";
        id.Value = itemOfThePage;
        command.Parameters.Add(id);
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture) > 0;
    }

    private sealed class RequestHook(SyncStopPoint stop) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            await stop.BeforeRequestAsync(request, cancellationToken);
            return await base.SendAsync(request, cancellationToken);
        }
    }

    private sealed class CommitHook(SyncStopPoint stop) : DbTransactionInterceptor
    {
        public override async ValueTask<InterceptionResult> TransactionCommittingAsync(DbTransaction transaction, TransactionEventData eventData,
            InterceptionResult result, CancellationToken cancellationToken = default)
        {
            await stop.BeforeCommitAsync(transaction, cancellationToken);
            return result;
        }
    }
}
