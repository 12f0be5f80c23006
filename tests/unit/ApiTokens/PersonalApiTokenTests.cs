using CareWorkspace.Domain.ApiTokens;
using CareWorkspace.Domain.Common;

namespace CareWorkspace.UnitTests.ApiTokens;

/// <summary>Personal API tokens: random, recognisable, stored only as a hash, ending by date or revocation, revoked by their owner only.</summary>
public sealed class PersonalApiTokenTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Create_SecretIsWellFormedRandomAndOnlyItsHashIsKept()
    {
        var (token, secret) = PersonalApiToken.Create("u-gp", "Reporting script", TimeSpan.FromDays(30), At);
        var (_, other) = PersonalApiToken.Create("u-gp", "Reporting script", TimeSpan.FromDays(30), At);

        Assert.StartsWith(PersonalApiToken.Prefix, secret, StringComparison.Ordinal);
        Assert.True(PersonalApiToken.IsWellFormed(secret));
        Assert.NotEqual(secret, other);
        Assert.Equal(PersonalApiToken.HashOf(secret), token.TokenHash);
        Assert.Equal(PersonalApiToken.HashLength, token.TokenHash.Length);
        Assert.Equal(At.AddDays(30), token.ExpiresAt);
        Assert.True(token.IsActiveAt(At));
    }

    [Theory]
    [InlineData("")]
    [InlineData("cwk_short")]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJK")]
    [InlineData("cwk_abcdefghijklmnopqrstuvwxyz0123456789+/=abcd")]
    public void IsWellFormed_RefusesAnythingElse(string text) => Assert.False(PersonalApiToken.IsWellFormed(text));

    [Fact]
    public void A_token_stops_at_its_expiry_and_when_revoked_with_the_reason()
    {
        var (token, _) = PersonalApiToken.Create("u-gp", "Script", TimeSpan.FromDays(1), At);

        Assert.Null(token.RefusalAt(At.AddHours(23)));
        Assert.Equal("The API token has expired.", token.RefusalAt(At.AddDays(1)));
        token.Revoke("u-gp", At.AddHours(1));
        Assert.Equal("The API token was revoked.", token.RefusalAt(At.AddHours(2)));
        Assert.False(token.IsActiveAt(At.AddHours(2)));
    }

    [Fact]
    public void Only_the_owner_revokes_and_the_lifetime_and_name_are_bounded()
    {
        var (token, _) = PersonalApiToken.Create("u-gp", "Script", TimeSpan.FromDays(1), At);

        Assert.Throws<DomainException>(() => token.Revoke("u-other", At));
        Assert.Throws<DomainException>(() => PersonalApiToken.Create("u-gp", "Script", TimeSpan.FromDays(366), At));
        Assert.Throws<DomainException>(() => PersonalApiToken.Create("u-gp", "Script", TimeSpan.Zero, At));
        Assert.Throws<DomainException>(() => PersonalApiToken.Create("u-gp", " ", TimeSpan.FromDays(1), At));
        Assert.Throws<DomainException>(() => PersonalApiToken.Create("", "Script", TimeSpan.FromDays(1), At));
    }
}
