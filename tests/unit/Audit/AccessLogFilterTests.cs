using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Audit;
using CareWorkspace.Domain.Common;

namespace CareWorkspace.UnitTests.Audit;

public sealed class AccessLogFilterTests
{
    private static readonly DateOnly Today = new(2026, 11, 30);

    [Fact]
    public void An_empty_filter_covers_two_years_back_to_the_end_of_today_in_Copenhagen_time()
    {
        var window = new AccessLogFilter().Window(Today);

        Assert.Equal(new DateTimeOffset(2024, 11, 29, 23, 0, 0, TimeSpan.Zero), window.Start);
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 23, 0, 0, TimeSpan.Zero), window.End);
        Assert.Equal(TimeSpan.Zero, window.Start.Offset);
    }

    [Fact]
    public void A_period_includes_both_days_and_is_clamped_to_two_years_back_and_today()
    {
        var summer = new AccessLogFilter(new DateOnly(2026, 7, 1), new DateOnly(2026, 7, 2)).Window(Today);
        Assert.Equal((new DateTimeOffset(2026, 6, 30, 22, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 7, 2, 22, 0, 0, TimeSpan.Zero)), (summer.Start, summer.End));

        var tooWide = new AccessLogFilter(new DateOnly(2010, 1, 1), new DateOnly(2030, 1, 1)).Window(Today);
        Assert.Equal(new AccessLogFilter().Window(Today), tooWide);
    }

    [Fact]
    public void An_inverted_period_is_refused()
    {
        var filter = new AccessLogFilter(Today, Today.AddDays(-1), Action: AccessAction.Read);

        Assert.True(filter.HasInvertedPeriod);
        var refused = Assert.Throws<DomainException>(() => filter.Window(Today));
        Assert.Equal(AccessLogFilter.InvertedPeriod, refused.Template);
        Assert.False(new AccessLogFilter(Today, Today).HasInvertedPeriod);
    }

    [Fact]
    public void Only_the_patient_a_relative_and_the_retention_job_have_a_cell_in_the_access_log_column()
    {
        foreach (var role in AccessMatrix.Roles)
        {
            var expected = role switch
            {
                UserRole.Patient or UserRole.Relative => Permission.Read,
                UserRole.System => Permission.Read | Permission.DeleteAny,
                _ => Permission.None,
            };
            Assert.Equal(expected, AccessMatrix.For(role, PatientSection.AccessLog));
        }
        Assert.Contains(PatientSection.AccessLog, RelativeConsent.GrantableSections);
    }
}
