using CareWorkspace.Domain.Access;
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

        var ids = allowed.Keys.ToList();
        var threads = await db.MessageThreads.AsNoTracking()
            .Where(t => ids.Contains(t.PatientId))
            .OrderByDescending(t => t.LastMessageAt)
            .Take(MaxThreads)
            .ToListAsync(ct);
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
}
