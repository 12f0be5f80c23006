using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.ApiTokens;
using CareWorkspace.Domain.Common;
using CareWorkspace.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CareWorkspace.Web.Features.Account;

/// <summary>A person's own API tokens for the FHIR API: listed, made (the secret shown once) and revoked on the account page.</summary>
public sealed class ApiTokenService(IDbContextFactory<CareDbContext> dbFactory, TimeProvider clock, ILogger<ApiTokenService> logger)
{
    /// <summary>The lifetimes offered when a token is made.</summary>
    public static readonly int[] LifetimeDays = [30, 90, 365];

    /// <summary>The viewer's tokens that still work, newest first; expired and revoked ones are gone from the list.</summary>
    public async Task<IReadOnlyList<ApiTokenView>> ListMineAsync(Actor actor, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        var mine = await db.PersonalApiTokens.AsNoTracking().Where(t => t.OwnerUserId == actor.UserId && t.RevokedAt == null).ToListAsync(ct);
        return mine.Where(t => t.IsActiveAt(now)).OrderByDescending(t => t.CreatedAt)
            .Select(t => new ApiTokenView(t.Id, t.Name, t.CreatedAt, t.ExpiresAt, t.LastUsedAt)).ToList();
    }

    /// <summary>Makes a token; its secret is in the returned value only (the database keeps its hash). Not repeated after a failure.</summary>
    public async Task<NewApiToken> CreateAsync(Actor actor, string? name, int lifetimeDays, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        var active = (await db.PersonalApiTokens.AsNoTracking().Where(t => t.OwnerUserId == actor.UserId && t.RevokedAt == null).ToListAsync(ct))
            .Count(t => t.IsActiveAt(now));
        if (active >= PersonalApiToken.MaxActivePerUser)
            throw new DomainException("You already have {0} active API tokens. Revoke one you no longer use first.", active);
        var (token, secret) = PersonalApiToken.Create(actor.UserId, name, TimeSpan.FromDays(lifetimeDays), now);
        db.PersonalApiTokens.Add(token);
        await db.SaveChangesAsync(ct);
        logger.LogInformation("User {UserId} made API token {TokenId}, valid until {ExpiresAt}", actor.UserId, token.Id, token.ExpiresAt);
        return new NewApiToken(token.Id, token.Name, secret, token.ExpiresAt);
    }

    /// <summary>Revokes one of the viewer's own tokens: from now on it answers 401.</summary>
    public async Task RevokeAsync(Actor actor, Guid tokenId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var token = await db.PersonalApiTokens.SingleOrDefaultAsync(t => t.Id == tokenId, ct)
            ?? throw new DomainException("There is no such API token.");
        token.Revoke(actor.UserId, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        logger.LogInformation("User {UserId} revoked API token {TokenId}", actor.UserId, token.Id);
    }
}

public sealed record ApiTokenView(Guid Id, string Name, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, DateTimeOffset? LastUsedAt);

public sealed record NewApiToken(Guid Id, string Name, string Secret, DateTimeOffset ExpiresAt);
