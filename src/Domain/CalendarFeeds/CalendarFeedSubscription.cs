using System.Security.Cryptography;
using System.Text;
using CareWorkspace.Domain.Common;

namespace CareWorkspace.Domain.CalendarFeeds;

/// <summary>
/// A private calendar subscription (an .ics address a phone or mail program polls) for a patient's own calendar, or a
/// relative's view of it. The address carries a random token shown once; only its SHA-256 hash is stored, so a copy of
/// the database opens no calendar. The feed is read as its owner, so it shows only what the owner may see right now.
/// </summary>
public sealed class CalendarFeedSubscription
{
    /// <summary>256 random bits: unguessable, so a fast hash is enough to store it (nothing to brute-force).</summary>
    public const int TokenBytes = 32;
    public const int HashLength = 64;

    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid PatientId { get; private set; }
    public string OwnerUserId { get; private set; } = "";
    public string TokenHash { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }

    public bool IsActive => RevokedAt is null;

    private CalendarFeedSubscription() { }

    private CalendarFeedSubscription(Guid patientId, string ownerUserId, string tokenHash, DateTimeOffset at)
    {
        PatientId = patientId;
        OwnerUserId = ownerUserId;
        TokenHash = tokenHash;
        CreatedAt = at;
    }

    /// <summary>A new subscription and its token; the token exists only in the returned value and is never stored.</summary>
    public static (CalendarFeedSubscription Subscription, string Token) Create(Guid patientId, string ownerUserId, DateTimeOffset at)
    {
        if (patientId == Guid.Empty || string.IsNullOrWhiteSpace(ownerUserId))
            throw new DomainException("A calendar subscription belongs to a patient and a person.");
        var token = Base64Url(RandomNumberGenerator.GetBytes(TokenBytes));
        return (new CalendarFeedSubscription(patientId, ownerUserId, HashOf(token), at), token);
    }

    public void Revoke(string byUserId, DateTimeOffset at)
    {
        if (byUserId != OwnerUserId)
            throw new DomainException("Only the person a calendar subscription belongs to can stop it.");
        RevokedAt ??= at;
    }

    /// <summary>The stored form of a token; anything that is not a well-formed token hashes to something never stored.</summary>
    public static string HashOf(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token ?? "")));

    /// <summary>Whether a text can be a token at all (the right length and alphabet), before looking it up.</summary>
    public static bool IsWellFormed(string? token) =>
        token is { Length: 43 } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
