namespace CareWorkspace.Domain.NationalSync;

/// <summary>
/// How fresh one patient's data from one national service is, for the refresh when their pathway is opened: when a
/// one-patient fetch was last asked for, when one last succeeded and when one last failed (with why). At most one fetch
/// per patient and service is pending at a time.
/// </summary>
public sealed class PatientRefresh
{
    public const int ErrorMaxLength = 1000;

    /// <summary>A fetch asked for longer ago than this without an outcome was lost (its process stopped): it is no longer pending.</summary>
    public static readonly TimeSpan LostAfter = TimeSpan.FromMinutes(10);

    public Guid PatientId { get; private set; }
    public NationalService Service { get; private set; }
    public DateTimeOffset? RequestedAt { get; private set; }
    public DateTimeOffset? FetchedAt { get; private set; }
    public DateTimeOffset? FailedAt { get; private set; }
    public string? LastError { get; private set; }

    /// <summary>Guards against two openings asking at once (the second save is refused, so only one fetch is queued).</summary>
    public Guid Concurrency { get; private set; } = Guid.NewGuid();

    private PatientRefresh() { }

    public PatientRefresh(Guid patientId, NationalService service)
    {
        PatientId = patientId;
        Service = service;
    }

    /// <summary>A fetch was asked for and has had no outcome yet (nor been given up on after <see cref="LostAfter"/>).</summary>
    public bool IsPending(DateTimeOffset now) =>
        RequestedAt is { } requested && now - requested < LostAfter
        && (FetchedAt is null || FetchedAt < requested) && (FailedAt is null || FailedAt < requested);

    /// <summary>
    /// Whether opening the pathway should fetch this patient's data again: nothing is pending, and neither this patient's
    /// last fetch nor the service's last complete sync (<paramref name="serviceSyncedAt"/>, which read every patient's
    /// changes) is younger than <paramref name="maxAge"/>; after a failure it waits as long before asking again.
    /// </summary>
    public bool IsDue(DateTimeOffset now, TimeSpan maxAge, DateTimeOffset? serviceSyncedAt)
    {
        if (IsPending(now))
            return false;
        var lastAttempt = Latest(Latest(FetchedAt, FailedAt), serviceSyncedAt);
        return lastAttempt is not { } at || now - at >= maxAge;
    }

    /// <summary>A fetch is asked for (and queued) now.</summary>
    public void Requested(DateTimeOffset at)
    {
        RequestedAt = at;
        Concurrency = Guid.NewGuid();
    }

    public void Fetched(DateTimeOffset at)
    {
        FetchedAt = at;
        Concurrency = Guid.NewGuid();
    }

    public void Failed(DateTimeOffset at, string error)
    {
        FailedAt = at;
        LastError = error.Length <= ErrorMaxLength ? error : error[..(ErrorMaxLength - 1)] + "\u2026";
        Concurrency = Guid.NewGuid();
    }

    /// <summary>
    /// When this patient's data from the service was last fetched: the later of the service's last complete sync and this
    /// patient's last fetch. With <see cref="LastFailureAt"/> it feeds the service's "not updated since" rule
    /// (<see cref="SyncState.FailingSince"/>).
    /// </summary>
    public static DateTimeOffset? LastSuccessAt(PatientRefresh? refresh, DateTimeOffset? serviceSuccessAt) => Latest(serviceSuccessAt, refresh?.FetchedAt);

    /// <summary>The later of the service's last failed sync and this patient's last failed fetch.</summary>
    public static DateTimeOffset? LastFailureAt(PatientRefresh? refresh, DateTimeOffset? serviceErrorAt) => Latest(serviceErrorAt, refresh?.FailedAt);

    private static DateTimeOffset? Latest(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a > b ? a : b;
}
