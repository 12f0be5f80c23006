using System.Security.Cryptography;
using System.Text;
using CareWorkspace.Domain.Common;

namespace CareWorkspace.Domain.ApiTokens;

/// <summary>
/// A personal key to the read-only FHIR API, for a program a user runs as themselves. The token is shown once when it is
/// made; only its SHA-256 hash is stored, so a copy of the database opens nothing. A request with it is read as its owner,
/// through the same access policy as the screens, so it never sees more than the owner may.
/// </summary>
public sealed class PersonalApiToken
{
    /// <summary>256 random bits: unguessable, so a fast hash is enough to store it (nothing to brute-force).</summary>
    public const int TokenBytes = 32;
    public const int HashLength = 64;
    public const int NameMaxLength = 100;
    public const int MaxActivePerUser = 10;

    /// <summary>Every token ends: a forgotten one stops working by itself.</summary>
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromDays(365);

    /// <summary>The visible start of every token, so a leaked one is recognisable (e.g. by secret scanners).</summary>
    public const string Prefix = "cwk_";

    public Guid Id { get; private set; } = Guid.NewGuid();
    public string OwnerUserId { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string TokenHash { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }
    public DateTimeOffset? LastUsedAt { get; private set; }

    private PersonalApiToken() { }

    private PersonalApiToken(string ownerUserId, string name, string tokenHash, DateTimeOffset at, DateTimeOffset expiresAt)
    {
        OwnerUserId = ownerUserId;
        Name = name;
        TokenHash = tokenHash;
        CreatedAt = at;
        ExpiresAt = expiresAt;
    }

    /// <summary>A new token and its secret; the secret exists only in the returned value and is never stored.</summary>
    public static (PersonalApiToken Token, string Secret) Create(string ownerUserId, string? name, TimeSpan lifetime, DateTimeOffset at)
    {
        if (string.IsNullOrWhiteSpace(ownerUserId))
            throw new DomainException("An API token belongs to a person.");
        var trimmed = Guard.Required(name, "Token name", NameMaxLength);
        if (lifetime <= TimeSpan.Zero || lifetime > MaxLifetime)
            throw new DomainException("An API token lasts from one day up to one year.");
        var secret = Prefix + Base64Url(RandomNumberGenerator.GetBytes(TokenBytes));
        return (new PersonalApiToken(ownerUserId, trimmed, HashOf(secret), at, at + lifetime), secret);
    }

    public void Revoke(string byUserId, DateTimeOffset at)
    {
        if (byUserId != OwnerUserId)
            throw new DomainException("Only the person an API token belongs to can revoke it.");
        RevokedAt ??= at;
    }

    /// <summary>Why the token no longer opens anything at <paramref name="at"/>, or null when it does.</summary>
    public string? RefusalAt(DateTimeOffset at) =>
        RevokedAt is not null ? "The API token was revoked."
        : at >= ExpiresAt ? "The API token has expired."
        : null;

    public bool IsActiveAt(DateTimeOffset at) => RefusalAt(at) is null;

    public void MarkUsed(DateTimeOffset at) => LastUsedAt = at;

    /// <summary>The stored form of a token; anything that is not a well-formed token hashes to something never stored.</summary>
    public static string HashOf(string secret) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret ?? "")));

    /// <summary>Whether a text can be a token at all (the prefix, the right length and alphabet), before looking it up.</summary>
    public static bool IsWellFormed(string? secret) =>
        secret is { Length: 47 } && secret.StartsWith(Prefix, StringComparison.Ordinal)
        && secret.AsSpan(Prefix.Length).ToArray().All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
