using CareWorkspace.Domain.NationalSync;

namespace CareWorkspace.UnitTests.NationalSync;

/// <summary>The one "not updated since" rule the imported sections (medication, home measurements) show.</summary>
public sealed class SyncFreshnessTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 30, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_failure_after_the_last_success_is_not_updated_since_that_success()
    {
        var freshness = new SyncFreshness(At, At.AddMinutes(5));

        Assert.True(freshness.NotUpdated);
        Assert.Equal(At.AddMinutes(5), freshness.FailingSince);
        Assert.Equal(At, freshness.LastSuccessAt);
    }

    [Fact]
    public void A_success_after_the_last_failure_or_no_failure_is_up_to_date()
    {
        Assert.False(new SyncFreshness(At, At.AddMinutes(-5)).NotUpdated);
        Assert.False(new SyncFreshness(At, null).NotUpdated);
        Assert.False(new SyncFreshness(null, null).NotUpdated);
    }

    [Fact]
    public void Failing_without_ever_succeeding_is_not_updated()
    {
        var freshness = new SyncFreshness(null, At);

        Assert.True(freshness.NotUpdated);
        Assert.Null(freshness.LastSuccessAt);
    }

    [Fact]
    public void A_patients_own_fetch_counts_with_the_service_sync_and_a_pending_fetch_is_updating()
    {
        var refresh = new PatientRefresh(Guid.NewGuid(), NationalService.Measurements);
        refresh.Fetched(At);
        refresh.Requested(At.AddMinutes(10));

        var freshness = SyncFreshness.Of(refresh, serviceSuccessAt: At.AddMinutes(-30), serviceErrorAt: At.AddMinutes(-1), now: At.AddMinutes(11));

        Assert.Equal(At, freshness.LastSuccessAt);
        Assert.False(freshness.NotUpdated);
        Assert.True(freshness.Updating);
    }

    [Fact]
    public void Without_a_patient_fetch_the_service_sync_decides_and_nothing_is_updating()
    {
        var freshness = SyncFreshness.Of(null, serviceSuccessAt: At, serviceErrorAt: At.AddMinutes(20), now: At.AddMinutes(21));

        Assert.True(freshness.NotUpdated);
        Assert.Equal(At.AddMinutes(20), freshness.FailingSince);
        Assert.False(freshness.Updating);
    }
}
