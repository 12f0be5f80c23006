using CareWorkspace.Domain.NationalSync;

namespace CareWorkspace.UnitTests.NationalSync;

/// <summary>When opening a pathway fetches a patient's data again: stale or never fetched, nothing pending, and the freshness the section shows.</summary>
public sealed class PatientRefreshTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 30, 10, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Age = TimeSpan.FromMinutes(15);

    private static PatientRefresh Refresh() => new(Guid.NewGuid(), NationalService.Medication);

    [Fact]
    public void Data_never_fetched_is_due_and_once_asked_for_it_is_pending_and_not_due_again()
    {
        var refresh = Refresh();
        Assert.True(refresh.IsDue(At, Age, serviceSyncedAt: null));

        refresh.Requested(At);

        Assert.True(refresh.IsPending(At.AddMinutes(1)));
        Assert.False(refresh.IsDue(At.AddMinutes(1), Age, null));
    }

    [Fact]
    public void A_fetch_younger_than_the_age_is_fresh_and_an_older_one_is_due()
    {
        var refresh = Refresh();
        refresh.Requested(At);
        refresh.Fetched(At.AddSeconds(5));

        Assert.False(refresh.IsPending(At.AddSeconds(6)));
        Assert.False(refresh.IsDue(At.AddMinutes(14), Age, null));
        Assert.True(refresh.IsDue(At.AddMinutes(16), Age, null));
    }

    [Fact]
    public void A_complete_sync_of_the_service_counts_as_a_fetch_of_every_patient()
    {
        var refresh = Refresh();

        Assert.False(refresh.IsDue(At, Age, serviceSyncedAt: At.AddMinutes(-3)));
        Assert.True(refresh.IsDue(At, Age, serviceSyncedAt: At.AddMinutes(-20)));
    }

    [Fact]
    public void After_a_failure_opening_waits_the_age_before_asking_again_and_the_failure_is_kept()
    {
        var refresh = Refresh();
        refresh.Requested(At);
        refresh.Failed(At.AddSeconds(10), new string('x', PatientRefresh.ErrorMaxLength + 10));

        Assert.False(refresh.IsPending(At.AddSeconds(11)));
        Assert.False(refresh.IsDue(At.AddMinutes(5), Age, null));
        Assert.True(refresh.IsDue(At.AddMinutes(16), Age, null));
        Assert.Equal(PatientRefresh.ErrorMaxLength, refresh.LastError!.Length);
    }

    [Fact]
    public void A_fetch_asked_for_and_never_answered_is_given_up_on_so_a_later_opening_asks_again()
    {
        var refresh = Refresh();
        refresh.Requested(At);

        Assert.True(refresh.IsPending(At + PatientRefresh.LostAfter - TimeSpan.FromSeconds(1)));
        Assert.False(refresh.IsPending(At + PatientRefresh.LostAfter));
        Assert.True(refresh.IsDue(At + PatientRefresh.LostAfter, Age, null));
    }

    [Fact]
    public void The_section_is_not_updated_since_the_later_success_when_a_later_failure_follows_it()
    {
        var refresh = Refresh();
        refresh.Fetched(At);
        refresh.Failed(At.AddMinutes(20), "down");

        var success = PatientRefresh.LastSuccessAt(refresh, serviceSuccessAt: At.AddMinutes(-30));
        var failure = PatientRefresh.LastFailureAt(refresh, serviceErrorAt: null);

        Assert.Equal(At, success);
        Assert.Equal(At.AddMinutes(20), SyncState.FailingSince(success, failure));
        Assert.Null(SyncState.FailingSince(PatientRefresh.LastSuccessAt(refresh, At.AddMinutes(25)), failure));
        Assert.Equal(At.AddMinutes(-30), PatientRefresh.LastSuccessAt(null, At.AddMinutes(-30)));
    }
}
