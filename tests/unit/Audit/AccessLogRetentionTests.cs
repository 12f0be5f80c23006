using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Audit;
using CareWorkspace.Domain.Common;

namespace CareWorkspace.UnitTests.Audit;

public sealed class AccessLogRetentionTests
{
    [Fact]
    public void The_cut_off_is_the_start_of_the_same_Copenhagen_day_the_period_back_in_UTC()
    {
        // Winter: Copenhagen is UTC+1, so 30 November 2024 begins at 23:00 UTC the day before.
        Assert.Equal(new DateTimeOffset(2024, 11, 29, 23, 0, 0, TimeSpan.Zero), AccessLogRetention.CutOff(new DateOnly(2026, 11, 30), 2));
        // Summer: UTC+2.
        Assert.Equal(new DateTimeOffset(2021, 6, 30, 22, 0, 0, TimeSpan.Zero), AccessLogRetention.CutOff(new DateOnly(2026, 7, 1), 5));
        Assert.Equal(TimeSpan.Zero, AccessLogRetention.CutOff(new DateOnly(2026, 7, 1), 5).Offset);
    }

    [Fact]
    public void On_a_leap_day_the_first_day_kept_is_28_February_so_nothing_is_kept_a_day_short()
    {
        Assert.Equal(new DateOnly(2026, 2, 28), AccessLogRetention.FirstDayKept(new DateOnly(2028, 2, 29), 2));
        Assert.Equal(new DateOnly(2024, 2, 29), AccessLogRetention.FirstDayKept(new DateOnly(2028, 2, 29), 4));
        Assert.Equal(new DateOnly(2026, 3, 1), AccessLogRetention.FirstDayKept(new DateOnly(2028, 3, 1), 2));
    }

    [Fact]
    public void A_record_from_the_last_minute_before_the_first_day_kept_goes_and_one_from_its_first_minute_stays()
    {
        var cutOff = AccessLogRetention.CutOff(new DateOnly(2026, 11, 30), 2);
        var lastGone = CopenhagenTime.At(new DateOnly(2024, 11, 29), new TimeOnly(23, 59));
        var firstKept = CopenhagenTime.At(new DateOnly(2024, 11, 30), new TimeOnly(0, 0));

        Assert.True(lastGone < cutOff);
        Assert.False(firstKept < cutOff);
    }

    [Fact]
    public void The_retention_job_keeps_at_least_what_the_patients_page_shows()
    {
        var today = new DateOnly(2028, 2, 29);
        Assert.True(AccessLogRetention.FirstDayKept(today, AccessLogRetention.MinimumYears) <= AccessLogFilter.EarliestShown(today));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(0)]
    [InlineData(-3)]
    public void A_period_shorter_than_two_years_is_refused_with_the_setting_named(int years)
    {
        var ex = Assert.Throws<InvalidOperationException>(() => AccessLogRetention.Validate(years, "AccessLog:RetentionYears"));
        Assert.Contains("AccessLog:RetentionYears must be at least 2 years", ex.Message);
        Assert.Throws<InvalidOperationException>(() => AccessLogRetention.FirstDayKept(new DateOnly(2026, 11, 30), years));
    }

    [Fact]
    public void Only_the_system_actor_may_archive_and_delete_access_records()
    {
        Assert.True(AccessLogRetention.Decide(SystemActor.AccessLogRetention).Allowed);
        var patient = new Actor("p1", "Jens", UserRole.Patient, null, null);
        var doctor = new Actor("d1", "Doctor", UserRole.HospitalClinician, Guid.NewGuid(), "Hospital");
        var admin = new Actor("a1", "Admin", UserRole.Administrator, null, null);
        foreach (var actor in new[] { patient, doctor, admin })
            Assert.False(AccessLogRetention.Decide(actor).Allowed);
    }
}
