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
}
