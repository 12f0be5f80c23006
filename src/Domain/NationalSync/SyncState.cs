namespace CareWorkspace.Domain.NationalSync;

/// <summary>
/// Where the sync with one national service stands: the watermark (the newest <c>meta.lastUpdated</c> fully imported;
/// the next run asks for changes from there), the last success and the last error, and the last run's counts.
/// </summary>
public sealed class SyncState
{
    public const int ErrorMaxLength = 1000;

    public NationalService Service { get; private set; }
    public DateTimeOffset? Watermark { get; private set; }
    public DateTimeOffset? LastStartedAt { get; private set; }
    public DateTimeOffset? LastSuccessAt { get; private set; }
    public DateTimeOffset? LastErrorAt { get; private set; }
    public string? LastError { get; private set; }
    public int Read { get; private set; }
    public int Imported { get; private set; }
    public int Rejected { get; private set; }
    public int Parked { get; private set; }

    /// <summary>Guards against two runs writing the state at once (a concurrent save is refused).</summary>
    public Guid Concurrency { get; private set; } = Guid.NewGuid();

    private SyncState() { }

    public SyncState(NationalService service) => Service = service;

    /// <summary>A run that started longer ago than this and never finished stopped with its process, not still running.</summary>
    public static readonly TimeSpan LongestRun = TimeSpan.FromMinutes(30);

    public void Started(DateTimeOffset at)
    {
        LastStartedAt = at;
        Count(new SyncCounts(0, 0, 0, 0));
    }

    /// <summary>A page of the running sync is done: the counts so far, for the status page's progress.</summary>
    public void Progressed(SyncCounts soFar) => Count(soFar);

    /// <summary>Started and not yet succeeded or failed (nor given up on after <see cref="LongestRun"/>).</summary>
    public bool IsRunning(DateTimeOffset now) =>
        LastStartedAt is { } started && now - started < LongestRun
        && (LastSuccessAt is null || LastSuccessAt < started) && (LastErrorAt is null || LastErrorAt < started);

    /// <summary>
    /// When the service's data stopped being updated: the last failure, if it came after the last success (an imported
    /// section then says "not updated since …"); null while the last run succeeded.
    /// </summary>
    public static DateTimeOffset? FailingSince(DateTimeOffset? lastSuccessAt, DateTimeOffset? lastErrorAt) =>
        lastErrorAt is { } failed && (lastSuccessAt is not { } succeeded || failed > succeeded) ? failed : null;

    /// <summary>Whether the service's data is not being updated now (see <see cref="FailingSince(DateTimeOffset?, DateTimeOffset?)"/>).</summary>
    public bool IsFailing => FailingSince(LastSuccessAt, LastErrorAt) is not null;

    /// <summary>A run read everything up to <paramref name="newestSeen"/>: the watermark moves there (never back).</summary>
    public void Succeeded(DateTimeOffset at, DateTimeOffset? newestSeen, SyncCounts counts)
    {
        if (newestSeen is { } seen && (Watermark is null || seen > Watermark))
            Watermark = seen;
        LastSuccessAt = at;
        Count(counts);
    }

    /// <summary>A run stopped (the service down, slow, broken): the watermark stays, so the next run reads the rest.</summary>
    public void Failed(DateTimeOffset at, string error, SyncCounts counts)
    {
        LastErrorAt = at;
        LastError = error.Length <= ErrorMaxLength ? error : error[..(ErrorMaxLength - 1)] + "\u2026";
        Count(counts);
    }

    private void Count(SyncCounts counts)
    {
        Read = counts.Read;
        Imported = counts.Imported;
        Rejected = counts.Rejected;
        Parked = counts.Parked;
        Concurrency = Guid.NewGuid();
    }
}

/// <summary>One run's counts: items read from the service, imported, rejected as invalid, and failed to import (retrying or parked).</summary>
public sealed record SyncCounts(int Read, int Imported, int Rejected, int Parked);
