namespace CareWorkspace.Domain.NationalSync;

/// <summary>
/// How current a patient's data from a national service is, as an imported section shows it: the last success (the
/// service's last complete sync or this patient's last fetch, the later) and the last failure likewise. When a failure came
/// after the last success the section says "not updated since" that success. Updating: a fetch of this patient, asked for
/// when the pathway was opened, is under way.
/// </summary>
public sealed record SyncFreshness(DateTimeOffset? LastSuccessAt, DateTimeOffset? LastFailureAt)
{
    /// <summary>The failure after the last success, or null while the last attempt succeeded (<see cref="SyncState.FailingSince"/>).</summary>
    public DateTimeOffset? FailingSince => SyncState.FailingSince(LastSuccessAt, LastFailureAt);

    /// <summary>Whether the section says "not updated since" the last success.</summary>
    public bool NotUpdated => FailingSince is not null;

    public bool Updating { get; init; }

    /// <summary>The freshness of one patient's data: the service's sync state and the patient's own fetch, at <paramref name="now"/>.</summary>
    public static SyncFreshness Of(PatientRefresh? refresh, DateTimeOffset? serviceSuccessAt, DateTimeOffset? serviceErrorAt, DateTimeOffset now) =>
        new(PatientRefresh.LastSuccessAt(refresh, serviceSuccessAt), PatientRefresh.LastFailureAt(refresh, serviceErrorAt))
        {
            Updating = refresh?.IsPending(now) == true,
        };
}
