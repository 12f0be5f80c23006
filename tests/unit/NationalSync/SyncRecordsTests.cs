using CareWorkspace.Domain.Common;
using CareWorkspace.Domain.FollowUp;
using CareWorkspace.Domain.NationalSync;

namespace CareWorkspace.UnitTests.NationalSync;

/// <summary>The sync's own records: a failed import tried again with a growing delay then parked; a watermark that never goes back.</summary>
public sealed class SyncRecordsTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 29, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_failed_import_is_tried_again_after_a_doubling_delay_and_parked_after_the_last_attempt()
    {
        var item = ParkedImport.Failed(NationalService.HospitalNotifications, "Bundle/1", "boom", "{}", At);
        var delays = new List<TimeSpan> { item.NextAttemptAt!.Value - At };
        for (var attempt = 2; attempt < ParkedImport.MaxAttempts; attempt++)
        {
            item.FailedAgain("boom", At);
            delays.Add(item.NextAttemptAt!.Value - At);
        }

        Assert.Equal([TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(4), TimeSpan.FromMinutes(8)], delays);
        Assert.Equal(ParkedImportState.Retrying, item.State);
        Assert.False(item.IsDue(At.AddMinutes(7)));
        Assert.True(item.IsDue(At.AddMinutes(8)));

        item.FailedAgain("still broken", At.AddMinutes(8));

        Assert.Equal(ParkedImportState.Parked, item.State);
        Assert.Equal("still broken", item.Reason);
        Assert.False(item.IsDue(At.AddDays(1)));
        Assert.Equal("{}", item.Payload);
    }

    [Fact]
    public void A_rejected_item_is_never_tried_again()
    {
        var item = ParkedImport.Rejected(NationalService.Appointments, "Appointment/x", "Not valid FHIR R4", "{}", At);

        Assert.Equal(ParkedImportState.Rejected, item.State);
        Assert.False(item.IsDue(At.AddYears(1)));
    }

    [Fact]
    public void A_parked_item_asked_to_try_again_gets_exactly_one_more_attempt()
    {
        var item = Parked();

        item.TryAgain(At.AddHours(1));

        Assert.Equal(ParkedImportState.Retrying, item.State);
        Assert.True(item.IsDue(At.AddHours(1)));
        item.FailedAgain("still broken", At.AddHours(1));
        Assert.Equal(ParkedImportState.Parked, item.State);
    }

    [Fact]
    public void Only_a_parked_item_can_be_asked_to_try_again()
    {
        var rejected = ParkedImport.Rejected(NationalService.Appointments, "Appointment/x", "Not valid FHIR R4", "{}", At);
        var retrying = ParkedImport.Failed(NationalService.HospitalNotifications, "Bundle/2", "boom", "{}", At);

        Assert.Contains("refused as invalid", Assert.Throws<DomainException>(() => rejected.TryAgain(At)).Message, StringComparison.Ordinal);
        Assert.Contains("already waiting", Assert.Throws<DomainException>(() => retrying.TryAgain(At)).Message, StringComparison.Ordinal);
        Assert.Equal(ParkedImportState.Rejected, rejected.State);
    }

    private static ParkedImport Parked()
    {
        var item = ParkedImport.Failed(NationalService.HospitalNotifications, "Bundle/1", "boom", "{}", At);
        while (item.State != ParkedImportState.Parked)
            item.FailedAgain("boom", At);
        return item;
    }

    [Fact]
    public void A_run_is_running_from_its_start_until_it_succeeds_or_fails_or_is_given_up_on()
    {
        var state = new SyncState(NationalService.Medication);
        state.Succeeded(At, null, new SyncCounts(9, 9, 0, 0));

        state.Started(At.AddMinutes(1));
        state.Progressed(new SyncCounts(100, 98, 1, 1));

        Assert.True(state.IsRunning(At.AddMinutes(2)));
        Assert.Equal(100, state.Read);
        Assert.False(state.IsRunning(At.AddMinutes(1) + SyncState.LongestRun));
        state.Failed(At.AddMinutes(3), "down", new SyncCounts(100, 98, 1, 1));
        Assert.False(state.IsRunning(At.AddMinutes(4)));
        state.Started(At.AddMinutes(5));
        Assert.Equal(0, state.Read);
        state.Succeeded(At.AddMinutes(6), null, new SyncCounts(1, 1, 0, 0));
        Assert.False(state.IsRunning(At.AddMinutes(7)));
    }

    [Fact]
    public void The_watermark_moves_forward_only_and_a_failure_keeps_it()
    {
        var state = new SyncState(NationalService.HospitalNotifications);
        var counts = new SyncCounts(3, 2, 1, 0);

        state.Succeeded(At, At.AddMinutes(-5), counts);
        state.Succeeded(At.AddMinutes(1), At.AddMinutes(-10), counts);
        state.Failed(At.AddMinutes(2), "HospitalNotifications: answered HTTP 500", counts);

        Assert.Equal(At.AddMinutes(-5), state.Watermark);
        Assert.Equal(At.AddMinutes(1), state.LastSuccessAt);
        Assert.Equal("HospitalNotifications: answered HTTP 500", state.LastError);
        Assert.Equal(1, state.Rejected);
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(7, true)]
    [InlineData(8, false)]
    public void A_discharge_heard_of_late_raises_a_GP_task_only_while_the_follow_up_is_still_due(int daysAgo, bool due)
    {
        var today = new DateOnly(2026, 11, 29);
        var dischargedAt = new DateTimeOffset(today.AddDays(-daysAgo), new TimeOnly(12, 0), TimeSpan.Zero);

        Assert.Equal(due, Discharge.FollowUpStillDue(dischargedAt, 7, today));
    }
}
