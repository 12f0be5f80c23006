using System.Collections.Concurrent;
using System.Data.Common;
using CareWorkspace.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace CareWorkspace.IntegrationTests.Infrastructure;

/// <summary>
/// The app's own database, handed to the services of a rendered component, with ways to make the next save meet
/// a concurrent change or a failure, or to hold the next unit of work before it starts, as a slow database would.
/// </summary>
public sealed class TestDatabase : IDbContextFactory<CareDbContext>
{
    private readonly DbContextOptions<CareDbContext> _options;
    private readonly List<(Func<DbContext, bool> When, Func<Task> Action)> _beforeSave = [];
    private readonly ConcurrentQueue<TaskCompletionSource> _holds = new();

    public TestDatabase(CareAppFactory app)
    {
        var settings = app.Services.GetRequiredService<DatabaseSettings>();
        _options = new DbContextOptionsBuilder<CareDbContext>().Configure(settings).AddInterceptors(new SaveHook(this), new CommandCounter(this), new SlowCommands(this))
            .LogTo(_ => Interlocked.Increment(ref _ended), [CoreEventId.ContextDisposed])
            .Options;
    }

    /// <summary>How many units of work started (contexts asked for).</summary>
    public int Created => _created;

    private int _created;
    private int _ended;
    private int _commands;

    /// <summary>How many database commands (queries and saves) the units of work ran.</summary>
    public int CommandsRun => Volatile.Read(ref _commands);

    /// <summary>While set, every database command waits this long before it runs, as on a database that is slow.</summary>
    public TimeSpan? SlowBy { get; set; }

    /// <summary>Waits until every unit of work started so far has ended (its context was disposed).</summary>
    public async Task AllEndedAsync(CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(LivePageContext.Timeout);
        while (Volatile.Read(ref _ended) < Volatile.Read(ref _created))
            await Task.Delay(20, timeout.Token);
    }

    /// <summary>
    /// Runs <paramref name="action"/> just before the next save (of those <paramref name="when"/> picks, e.g. not a
    /// live re-load's), e.g. another user's change or an outage.
    /// </summary>
    public void BeforeNextSave(Func<Task> action, Func<DbContext, bool>? when = null)
    {
        lock (_beforeSave)
            _beforeSave.Add((when ?? (_ => true), action));
    }

    /// <summary>The next <paramref name="count"/> saves (of those <paramref name="when"/> picks) fail with <paramref name="failure"/>.</summary>
    public void FailNextSaves(int count, Func<Exception> failure, Func<DbContext, bool>? when = null)
    {
        for (var i = 0; i < count; i++)
            BeforeNextSave(() => throw failure(), when);
    }

    /// <summary>Picks saves that change an existing <typeparamref name="T"/> (e.g. a reply to a thread, not a read receipt).</summary>
    public static Func<DbContext, bool> Changing<T>() where T : class =>
        db => db.ChangeTracker.Entries<T>().Any(e => e.State == EntityState.Modified);

    private Func<Task>? TakeAction(DbContext db)
    {
        lock (_beforeSave)
        {
            var index = _beforeSave.FindIndex(b => b.When(db));
            if (index < 0)
                return null;
            var action = _beforeSave[index].Action;
            _beforeSave.RemoveAt(index);
            return action;
        }
    }

    /// <summary>The next unit of work waits until the returned source is completed (its caller's token is not consulted).</summary>
    public TaskCompletionSource HoldNext()
    {
        var hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _holds.Enqueue(hold);
        return hold;
    }

    public CareDbContext CreateDbContext()
    {
        Interlocked.Increment(ref _created);
        return new CareDbContext(_options);
    }

    public async Task<CareDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default)
    {
        // Counted before any hold, so that AllEndedAsync also waits for a unit of work that is still held.
        Interlocked.Increment(ref _created);
        if (_holds.TryDequeue(out var hold))
            await hold.Task;
        return new CareDbContext(_options);
    }

    private sealed class CommandCounter(TestDatabase database) : DbCommandInterceptor
    {
        public override DbCommand CommandInitialized(CommandEndEventData eventData, DbCommand result)
        {
            Interlocked.Increment(ref database._commands);
            return result;
        }
    }

    private sealed class SlowCommands(TestDatabase database) : DbCommandInterceptor
    {
        public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            await SlowDownAsync();
            return result;
        }

        public override async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            await SlowDownAsync();
            return result;
        }

        public override async ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            await SlowDownAsync();
            return result;
        }

        // Not the caller's token: a slow database does not hurry for a caller that gave up.
        private Task SlowDownAsync() => database.SlowBy is { } delay ? Task.Delay(delay, CancellationToken.None) : Task.CompletedTask;
    }

    private sealed class SaveHook(TestDatabase database) : SaveChangesInterceptor
    {
        public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
            CancellationToken cancellationToken = default)
        {
            if (eventData.Context is { } db && database.TakeAction(db) is { } action)
                await action();
            return result;
        }
    }
}
