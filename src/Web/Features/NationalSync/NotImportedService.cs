using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Common;
using CareWorkspace.Domain.NationalSync;
using CareWorkspace.Infrastructure.Identity;
using CareWorkspace.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CareWorkspace.Web.Features.NationalSync;

/// <summary>One item a national service sent that was not imported, without its payload.</summary>
public sealed record NotImportedRow(Guid Id, NationalService Service, string SourceId, ParkedImportState State, string Reason, int Attempts,
    DateTimeOffset FirstFailedAt, DateTimeOffset LastFailedAt, DateTimeOffset? NextAttemptAt);

/// <summary>A page of the items not imported, newest failure first.</summary>
public sealed record NotImportedPageOfRows(IReadOnlyList<NotImportedRow> Rows, int Total);

/// <summary>
/// The items the national sync refused or could not import, for coordinators and administrators: the list shows only
/// where each came from and why (no patient data). What was received is patient data from a national service, so only
/// an administrator may open it, with a written reason, and every opening is in the administration log; so is every
/// request to try a parked item again.
/// </summary>
public sealed class NotImportedService(IDbContextFactory<CareDbContext> dbFactory, TimeProvider clock)
{
    public const int PageSize = 25;
    public const int ShownPayloadMaxLength = 200_000;

    public static bool MayInspect(Actor actor) => actor.Role == UserRole.Administrator;

    public async Task<NotImportedPageOfRows> ListAsync(Actor actor, NationalService? service, int page, CancellationToken ct)
    {
        Demand(SyncStatusService.MayUse(actor));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var items = db.ParkedImports.AsNoTracking().Where(p => service == null || p.Service == service);
        var total = await items.CountAsync(ct);
        var rows = await items.OrderByDescending(p => p.LastFailedAt).ThenBy(p => p.Id)
            .Skip(Math.Max(0, page) * PageSize).Take(PageSize)
            .Select(p => new NotImportedRow(p.Id, p.Service, p.SourceId, p.State, p.Reason, p.Attempts, p.FirstFailedAt, p.LastFailedAt, p.NextAttemptAt))
            .ToListAsync(ct);
        return new NotImportedPageOfRows(rows, total);
    }

    /// <summary>What the service sent, for an administrator who says why; the opening is logged before it is shown.</summary>
    public async Task<string> InspectAsync(Actor actor, Guid id, string reason, CancellationToken ct)
    {
        Demand(MayInspect(actor));
        if (string.IsNullOrWhiteSpace(reason))
            throw new DomainException("Write why you need to see what was received.");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var item = await db.ParkedImports.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct)
            ?? throw new DomainException("That item is no longer waiting: it was imported or removed.");
        db.AdministrationLog.Add(Entry(actor, AdministrationAction.NationalImportInspected, $"{item.Service} {item.SourceId}: {reason.Trim()}"));
        await db.SaveChangesAsync(ct);
        return item.Payload.Length <= ShownPayloadMaxLength ? item.Payload : item.Payload[..ShownPayloadMaxLength] + "\u2026";
    }

    /// <summary>One more attempt on the service's next sync for a parked item.</summary>
    public async Task TryAgainAsync(Actor actor, Guid id, CancellationToken ct)
    {
        Demand(SyncStatusService.MayUse(actor));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var item = await db.ParkedImports.SingleOrDefaultAsync(p => p.Id == id, ct)
            ?? throw new DomainException("That item is no longer waiting: it was imported or removed.");
        item.TryAgain(clock.GetUtcNow());
        db.AdministrationLog.Add(Entry(actor, AdministrationAction.NationalImportRetried, $"{item.Service} {item.SourceId}"));
        await db.SaveChangesAsync(ct);
    }

    private AdministrationLogEntry Entry(Actor actor, AdministrationAction action, string details) =>
        new(clock.GetUtcNow(), actor.UserId, actor.DisplayName, action, "", "", refused: false, details);

    private static void Demand(bool allowed)
    {
        if (!allowed)
            throw new UnauthorizedAccessException("Only coordinators and administrators see the national sync, and only administrators what it received.");
    }
}
