using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Messaging;
using CareWorkspace.Infrastructure.Access;
using CareWorkspace.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CareWorkspace.Web.Features.Messages;

/// <summary>A personal inbox across all the patients the user may see messages of.</summary>
public sealed class InboxService(IDbContextFactory<CareDbContext> dbFactory, PatientAccessGuard guard) : IPatientDataService
{
    public const int MaxThreads = 200;

    public async Task<IReadOnlyList<ThreadSummary>> GetInboxAsync(Actor actor, InboxFilter filter, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var candidates = await guard.SearchablePatients(db, actor)
            .Select(p => new { p.Id, Name = p.GivenName + " " + p.FamilyName })
            .ToListAsync(ct);

        // Health professionals see messages wherever they are on the care team; patients and relatives need a consent for Messages.
        var allowed = new Dictionary<Guid, string>();
        foreach (var candidate in candidates)
        {
            if (!actor.IsHealthProfessional)
            {
                var relationship = await guard.LoadRelationshipAsync(db, candidate.Id, ct);
                if (relationship is null || !PatientAccessPolicy.Decide(actor, relationship, AccessAction.Read, PatientSection.Messages).Allowed)
                    continue;
            }
            allowed[candidate.Id] = candidate.Name;
        }

        // Visibility and the filter are part of the query, before the limit: what the viewer may not see, or did not ask
        // for, must not push an older thread they need out of the newest MaxThreads.
        var ids = allowed.Keys.ToList();
        var query = VisibleTo(db.MessageThreads.AsNoTracking().Where(t => ids.Contains(t.PatientId)), actor);
        var userId = actor.UserId;
        query = filter switch
        {
            InboxFilter.Unread => query.Where(t => t.Messages.Any(m => m.AuthorUserId != userId
                && !db.MessageReadReceipts.Any(r => r.MessageId == m.Id && r.UserId == userId))),
            InboxFilter.NeedsAction => query.Where(t => t.ActionHandledAt == null && t.Messages.Any(m => m.NeedsAction)),
            InboxFilter.All => query,
        };
        var threads = await query.OrderByDescending(t => t.LastMessageAt).Take(MaxThreads).ToListAsync(ct);
        var visible = threads.Where(t => t.IsVisibleTo(actor)).ToList();
        var summaries = await MessageService.SummariseAsync(db, actor, visible, id => allowed[id], ct);
        var filtered = filter switch
        {
            InboxFilter.Unread => summaries.Where(s => s.Unread).ToList(),
            InboxFilter.NeedsAction => summaries.Where(s => s.NeedsAction).ToList(),
            InboxFilter.All => summaries.ToList(),
        };

        guard.RecordSearch(db, actor, filtered.Select(s => s.PatientId).Distinct(), "Inbox", PatientSection.Messages);
        await db.SaveChangesAsync(ct);
        return filtered;
    }

    /// <summary><see cref="MessageThread.IsVisibleTo"/> as a query, so the database applies it before the limit.</summary>
    private static IQueryable<MessageThread> VisibleTo(IQueryable<MessageThread> threads, Actor actor) => actor.Role switch
    {
        UserRole.Patient => threads.Where(t => t.SharedWithPatient),
        UserRole.Relative => threads.Where(t => t.SharedWithRelatives),
        UserRole.Administrator or UserRole.System => threads.Where(_ => false),
        _ => threads,
    };
}
