using CareWorkspace.Domain.CalendarFeeds;
using CareWorkspace.Domain.Common;

namespace CareWorkspace.UnitTests.CalendarFeeds;

/// <summary>Subscription tokens: random, stored only as a hash, revocable by their owner only.</summary>
public sealed class CalendarFeedSubscriptionTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Create_TokenIsWellFormedRandomAndOnlyItsHashIsKept()
    {
        var patient = Guid.NewGuid();
        var (first, token) = CalendarFeedSubscription.Create(patient, "u-ulla", At);
        var (_, other) = CalendarFeedSubscription.Create(patient, "u-ulla", At);

        Assert.True(CalendarFeedSubscription.IsWellFormed(token));
        Assert.NotEqual(token, other);
        Assert.Equal(CalendarFeedSubscription.HashOf(token), first.TokenHash);
        Assert.Equal(CalendarFeedSubscription.HashLength, first.TokenHash.Length);
        Assert.DoesNotContain(token, first.TokenHash, StringComparison.Ordinal);
        Assert.True(first.IsActive);
    }

    [Theory]
    [InlineData("")]
    [InlineData("short")]
    [InlineData("../../../../../../../../etc/passwd/aaaaaaaaaaa")]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456789+/=abcd")]
    public void IsWellFormed_RefusesAnythingThatIsNotAToken(string text) =>
        Assert.False(CalendarFeedSubscription.IsWellFormed(text));

    [Fact]
    public void Revoke_ByOwner_EndsIt_ByAnyoneElse_IsRefused()
    {
        var (subscription, _) = CalendarFeedSubscription.Create(Guid.NewGuid(), "u-jens", At);

        Assert.Throws<DomainException>(() => subscription.Revoke("u-ulla", At));
        Assert.True(subscription.IsActive);
        subscription.Revoke("u-jens", At.AddDays(1));
        subscription.Revoke("u-jens", At.AddDays(2));
        Assert.Equal(At.AddDays(1), subscription.RevokedAt);
    }
}
