using System.Data.Common;
using CareWorkspace.Infrastructure.Access;
using CareWorkspace.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using StackExchange.Redis;

namespace CareWorkspace.UnitTests.Persistence;

public sealed class RetryTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed class Outage() : DbException("The server could not be reached.")
    {
        public override bool IsTransient => true;
    }

    private static Func<Task<int>> FailingThen(Queue<Exception> failures, Action onAttempt) => () =>
    {
        onAttempt();
        return failures.TryDequeue(out var failure) ? Task.FromException<int>(failure) : Task.FromResult(42);
    };

    [Fact]
    public async Task UnitOfWork_ConcurrencyConflict_RunsAgainEvenWhenNotRepeatable()
    {
        var attempts = 0;
        var failures = new Queue<Exception>([new DbUpdateConcurrencyException("Raced."), new DbUpdateConcurrencyException("Raced again.")]);

        var result = await Retry.UnitOfWorkAsync(FailingThen(failures, () => attempts++), repeatable: false, Ct);

        Assert.Equal((42, 3), (result, attempts));
    }

    [Fact]
    public async Task UnitOfWork_ConflictsBeyondTheAttempts_Throws()
    {
        var attempts = 0;
        var failures = new Queue<Exception>(Enumerable.Range(0, Retry.Attempts).Select(_ => new DbUpdateConcurrencyException("Raced.")));

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => Retry.UnitOfWorkAsync(FailingThen(failures, () => attempts++), repeatable: true, Ct));

        Assert.Equal(Retry.Attempts, attempts);
    }

    [Fact]
    public async Task UnitOfWork_TransientFailureOfRepeatableWork_RunsAgain()
    {
        var attempts = 0;
        var failures = new Queue<Exception>([new Outage()]);

        Assert.Equal(42, await Retry.UnitOfWorkAsync(FailingThen(failures, () => attempts++), repeatable: true, Ct));
        Assert.Equal(2, attempts);
    }

    [Fact]
    public async Task UnitOfWork_TransientFailureOfWorkNotSafeToRepeat_IsThrownAtOnce()
    {
        var attempts = 0;
        var failures = new Queue<Exception>([new Outage()]);

        await Assert.ThrowsAsync<Outage>(() => Retry.UnitOfWorkAsync(FailingThen(failures, () => attempts++), repeatable: false, Ct));
        Assert.Equal(1, attempts);
    }

    [Fact]
    public async Task UnitOfWork_OtherFailure_IsThrownAtOnce()
    {
        var attempts = 0;
        var failures = new Queue<Exception>([new InvalidOperationException("A bug.")]);

        await Assert.ThrowsAsync<InvalidOperationException>(() => Retry.UnitOfWorkAsync(FailingThen(failures, () => attempts++), repeatable: true, Ct));
        Assert.Equal(1, attempts);
    }

    [Fact]
    public void IsTransient_RecognisesOutagesAlsoWhenWrapped()
    {
        Assert.True(Retry.IsTransient(new Outage()));
        Assert.True(Retry.IsTransient(new TimeoutException()));
        Assert.True(Retry.IsTransient(new RedisException("No connection is available.")));
        Assert.True(Retry.IsTransient(new DbUpdateException("Saving failed.", new Outage())));
        Assert.True(Retry.IsTransient(new InvalidOperationException("Transient failure.", new Outage())));
        Assert.False(Retry.IsTransient(new DbUpdateConcurrencyException("Raced.")));
        Assert.False(Retry.IsTransient(new DbUpdateException("Unique key.", new InvalidOperationException("Duplicate."))));
        Assert.False(Retry.IsTransient(new InvalidOperationException("A bug.")));
    }

    [Fact]
    public void IsTransient_AGroupCommitOfAccessRecordsThatFailedTransiently_MayBeTriedAgain()
    {
        Assert.True(Retry.IsTransient(new AccessRecordNotSavedException("Not saved.", new DbUpdateException("Saving failed.", new Outage()))));
        Assert.False(Retry.IsTransient(new AccessRecordNotSavedException("Not saved.", new InvalidOperationException("A bug."))));
        Assert.False(Retry.IsTransient(new AccessRecordNotSavedException("Shutting down.", null)));
    }
}
