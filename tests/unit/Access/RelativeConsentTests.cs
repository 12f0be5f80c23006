using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Common;

namespace CareWorkspace.UnitTests.Access;

public sealed class RelativeConsentTests
{
    private static readonly DateTimeOffset GivenAt = new(2025, 1, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Constructor_NoSections_Throws()
    {
        var ex = Assert.Throws<DomainException>(() => new RelativeConsent(Guid.NewGuid(), "user-ulla", [], GivenAt));

        Assert.Contains("at least one section", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Constructor_NoRelativeUser_Throws(string userId)
    {
        Assert.Throws<DomainException>(() => new RelativeConsent(Guid.NewGuid(), userId, [PatientSection.MasterData], GivenAt));
    }

    [Fact]
    public void Constructor_RepeatedSections_KeepsEachOnce()
    {
        var consent = new RelativeConsent(Guid.NewGuid(), "user-ulla", [PatientSection.CareTeam, PatientSection.CareTeam, PatientSection.Timeline], GivenAt);

        Assert.Equal([PatientSection.CareTeam, PatientSection.Timeline], consent.Sections);
        Assert.True(consent.IsActive);
    }

    [Fact]
    public void Grants_ActiveConsent_OnlyListedSections()
    {
        var consent = new RelativeConsent(Guid.NewGuid(), "user-ulla", [PatientSection.CareTeam], GivenAt);

        Assert.True(consent.Grants(PatientSection.CareTeam));
        Assert.False(consent.Grants(PatientSection.Conditions));
    }

    [Fact]
    public void Withdraw_Active_EndsEveryGrant()
    {
        var consent = new RelativeConsent(Guid.NewGuid(), "user-ulla", [PatientSection.CareTeam], GivenAt);
        var at = GivenAt.AddDays(30);

        consent.Withdraw(at);

        Assert.False(consent.IsActive);
        Assert.Equal(at, consent.WithdrawnAt);
        Assert.False(consent.Grants(PatientSection.CareTeam));
    }

    [Fact]
    public void Withdraw_Twice_Throws()
    {
        var consent = new RelativeConsent(Guid.NewGuid(), "user-ulla", [PatientSection.CareTeam], GivenAt);
        var first = GivenAt.AddDays(30);
        consent.Withdraw(first);

        Assert.Throws<DomainException>(() => consent.Withdraw(first.AddDays(1)));
        Assert.Equal(first, consent.WithdrawnAt);
    }

    [Fact]
    public void Constructor_ConsentsSection_RefusedAsScope()
    {
        var ex = Assert.Throws<DomainException>(() => new RelativeConsent(Guid.NewGuid(), "user-ulla", [PatientSection.Consents], GivenAt));

        Assert.Contains("cannot grant Consents", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_EndDateInThePast_Refused()
    {
        // 1 January 2025 09:00 UTC is 10:00 in Copenhagen; 31 December 2024 has passed there.
        var ex = Assert.Throws<DomainException>(() =>
            new RelativeConsent(Guid.NewGuid(), "user-ulla", [PatientSection.CareTeam], GivenAt, validUntil: new DateOnly(2024, 12, 31)));

        Assert.Contains("already passed", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void IsActiveAt_EndsAtCopenhagenMidnightAfterTheLastDay()
    {
        var consent = new RelativeConsent(Guid.NewGuid(), "user-ulla", [PatientSection.CareTeam], GivenAt, "Jens", null, new DateOnly(2025, 1, 10));

        // Copenhagen is UTC+1 in January: the last valid day ends at 23:00 UTC.
        Assert.True(consent.GrantsAt(PatientSection.CareTeam, new DateTimeOffset(2025, 1, 10, 22, 59, 59, TimeSpan.Zero)));
        Assert.False(consent.GrantsAt(PatientSection.CareTeam, new DateTimeOffset(2025, 1, 10, 23, 0, 0, TimeSpan.Zero)));
        Assert.Equal(new DateTimeOffset(2025, 1, 10, 23, 0, 0, TimeSpan.Zero), consent.ExpiresAt);
    }

    [Fact]
    public void IsActiveAt_SummerEndDate_EndsAtCopenhagenMidnightInSummerTime()
    {
        var consent = new RelativeConsent(Guid.NewGuid(), "user-ulla", [PatientSection.CareTeam], GivenAt, validUntil: new DateOnly(2025, 7, 1));

        Assert.True(consent.IsActiveAt(new DateTimeOffset(2025, 7, 1, 21, 59, 0, TimeSpan.Zero)));
        Assert.False(consent.IsActiveAt(new DateTimeOffset(2025, 7, 1, 22, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void Withdraw_KeepsWhoAndWhy()
    {
        var consent = new RelativeConsent(Guid.NewGuid(), "user-ulla", [PatientSection.CareTeam], GivenAt, "Jens Jensen");

        consent.Withdraw(GivenAt.AddDays(2), "Anne Holm (Havby Kommune)", "At the patient's request by phone");

        Assert.Equal("Anne Holm (Havby Kommune)", consent.WithdrawnBy);
        Assert.Equal("At the patient's request by phone", consent.WithdrawnReason);
        Assert.False(consent.IsActiveAt(GivenAt.AddDays(1)));
    }
}
