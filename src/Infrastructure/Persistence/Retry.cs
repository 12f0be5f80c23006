using System.Data.Common;
using CareWorkspace.Infrastructure.Access;
using Microsoft.EntityFrameworkCore;
using StackExchange.Redis;

namespace CareWorkspace.Infrastructure.Persistence;

/// <summary>
/// When a unit of work may run again. After a concurrency conflict it always may: the racing save won and ours
/// changed nothing, so the work is re-applied on fresh data (where the domain's stale-edit checks decide).
/// After a transient failure of the database or Redis only work that is safe to repeat runs again (reads and
/// idempotent changes): a failure while committing leaves unknown whether the first attempt was saved.
/// </summary>
public static class Retry
{
    public const int Attempts = 3;

    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(200);

    public static async Task<T> UnitOfWorkAsync<T>(Func<Task<T>> work, bool repeatable, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await work();
            }
            catch (DbUpdateConcurrencyException) when (attempt < Attempts)
            {
            }
            catch (Exception ex) when (repeatable && attempt < Attempts && IsTransient(ex))
            {
                await Task.Delay(Pause * attempt, ct);
            }
        }
    }

    public static Task UnitOfWorkAsync(Func<Task> work, bool repeatable, CancellationToken ct) =>
        UnitOfWorkAsync(async () =>
        {
            await work();
            return true;
        }, repeatable, ct);

    /// <summary>A failure that may well not happen again in a moment: a dropped connection, a timeout, a busy database.</summary>
    public static bool IsTransient(Exception ex) => ex switch
    {
        DbUpdateConcurrencyException => false,
        TimeoutException or RedisException => true,
        DbException { IsTransient: true } => true,
        DbUpdateException { InnerException: { } inner } => IsTransient(inner),
        // A group commit of access records that failed for a transient reason: the read may be tried again.
        AccessRecordNotSavedException { InnerException: { } inner } => IsTransient(inner),
        // EF's execution strategies wrap the provider's exception in an InvalidOperationException.
        InvalidOperationException { InnerException: { } inner } => IsTransient(inner),
        _ => false,
    };
}
