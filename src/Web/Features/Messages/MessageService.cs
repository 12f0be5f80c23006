using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Common;
using CareWorkspace.Domain.Messaging;
using CareWorkspace.Domain.Pathway;
using CareWorkspace.Infrastructure.Access;
using CareWorkspace.Infrastructure.Attachments;
using CareWorkspace.Infrastructure.Persistence;
using CareWorkspace.Infrastructure.Realtime;
using Microsoft.EntityFrameworkCore;

namespace CareWorkspace.Web.Features.Messages;

/// <summary>Secure message threads on a pathway, with attachments and read receipts.</summary>
public sealed class MessageService(
    IDbContextFactory<CareDbContext> dbFactory,
    PatientAccessGuard guard,
    IPathwayNotifier notifier,
    AttachmentStore attachments,
    TimeProvider clock) : IPatientDataService
{
    public Task<IReadOnlyList<ThreadSummary>> ListThreadsAsync(Actor actor, Guid patientId, CancellationToken ct = default) =>
        Retry.UnitOfWorkAsync(async () =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            await guard.DemandAsync(db, actor, patientId, AccessAction.Read, PatientSection.Messages, "Message threads", ct);
            var patientName = await db.Patients.Where(p => p.Id == patientId).Select(p => p.GivenName + " " + p.FamilyName).SingleAsync(ct);
            var threads = await db.MessageThreads.AsNoTracking().Where(t => t.PatientId == patientId)
                .OrderByDescending(t => t.LastMessageAt).ToListAsync(ct);
            var summaries = await SummariseAsync(db, actor, threads.Where(t => t.IsVisibleTo(actor)), _ => patientName, ct);
            await db.SaveChangesAsync(ct);
            return summaries;
        }, repeatable: true, ct);

    /// <summary>Opens a thread and records that the reader has now read its messages.</summary>
    /// <remarks>Safe to repeat after a failure: the receipts are worked out again from what is saved.</remarks>
    public async Task<ThreadView> OpenThreadAsync(Actor actor, Guid threadId, CancellationToken ct = default)
    {
        try
        {
            return await Retry.UnitOfWorkAsync(() => OpenThreadOnceAsync(actor, threadId, ct), repeatable: true, ct);
        }
        catch (DbUpdateException ex) when (ex is not DbUpdateConcurrencyException)
        {
            // Another page of the same reader saved the same read receipts first (they are unique): reading again finds them.
            return await Retry.UnitOfWorkAsync(() => OpenThreadOnceAsync(actor, threadId, ct), repeatable: true, ct);
        }
    }

    private async Task<ThreadView> OpenThreadOnceAsync(Actor actor, Guid threadId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (thread, relationship) = await LoadVisibleThreadAsync(db, actor, threadId, AccessAction.Read, "Read message thread", ct);
        var receipts = await db.MessageReadReceipts.Where(r => r.ThreadId == threadId).ToListAsync(ct);
        var now = clock.GetUtcNow();
        var newlyRead = thread.Messages
            .Where(m => m.AuthorUserId != actor.UserId && !receipts.Any(r => r.MessageId == m.Id && r.UserId == actor.UserId))
            .Select(m => new MessageReadReceipt(threadId, m.Id, actor.UserId, actor.DisplayName, now))
            .ToList();
        db.MessageReadReceipts.AddRange(newlyRead);
        await db.SaveChangesAsync(ct);
        if (newlyRead.Count > 0)
            Signal(thread, relationship, actor, timeline: false);

        var allReceipts = receipts.Concat(newlyRead).ToList();
        return new ThreadView(thread.Id, thread.PatientId, thread.Subject, thread.Category, thread.SharedWithPatient, thread.SharedWithRelatives,
            thread.NeedsAction, thread.ActionHandledBy,
            thread.Messages.OrderBy(m => m.SentAt).Select(m => new MessageView(
                m.Id, m.AuthorName, m.AuthorRole, m.AuthorOrganisation, m.Text, m.SentAt, m.NeedsAction,
                m.Attachments.Select(a => new AttachmentView(a.Id, a.FileName, a.ContentType, a.Size)).ToList(),
                allReceipts.Where(r => r.MessageId == m.Id).Select(r => r.UserName).Distinct().ToList(),
                m.AuthorUserId == actor.UserId)).ToList());
    }

    public async Task<Guid> StartThreadAsync(Actor actor, Guid patientId, NewThreadInput input, IReadOnlyList<UploadedFile> files, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (_, relationship) = await guard.DemandWithRelationshipAsync(db, actor, patientId, AccessAction.Create, PatientSection.Messages, "Started message thread", ct);
        // Patients and relatives can only start threads that they themselves can see.
        var sharedWithPatient = input.SharedWithPatient || actor.Role == UserRole.Patient;
        var sharedWithRelatives = input.SharedWithRelatives || actor.Role == UserRole.Relative;
        var stored = await StoreAsync(files, ct);
        try
        {
            var thread = new MessageThread(patientId, input.Subject, input.Category, sharedWithPatient, sharedWithRelatives,
                actor, input.Text, clock.GetUtcNow(), input.NeedsAction, stored);
            db.MessageThreads.Add(thread);
            var timelineEvent = await TimelineEventForAsync(db, actor, thread, ct);
            if (timelineEvent is not null)
                db.PathwayEvents.Add(timelineEvent);
            await db.SaveChangesAsync(ct);
            Signal(thread, relationship, actor, timeline: timelineEvent is not null);
            return thread.Id;
        }
        catch
        {
            Discard(stored);
            throw;
        }
    }

    /// <summary>
    /// Adds a reply. If another reply was saved in the same thread meanwhile, the reply is added again on the thread
    /// as it is now (nothing of the first attempt was saved). After a failure of the database it is not repeated:
    /// whether it was saved is then unknown, and a second copy would be worse than asking the user to send again.
    /// </summary>
    public async Task<Guid> ReplyAsync(Actor actor, Guid threadId, string text, bool needsAction, IReadOnlyList<UploadedFile> files, CancellationToken ct = default)
    {
        var stored = await StoreAsync(files, ct);
        try
        {
            return await Retry.UnitOfWorkAsync(async () =>
            {
                await using var db = await dbFactory.CreateDbContextAsync(ct);
                var (thread, relationship) = await LoadVisibleThreadAsync(db, actor, threadId, AccessAction.Create, "Replied in message thread", ct);
                var message = thread.Reply(actor, text, clock.GetUtcNow(), needsAction, stored);
                await db.SaveChangesAsync(ct);
                Signal(thread, relationship, actor, timeline: false);
                return message.Id;
            }, repeatable: false, ct);
        }
        catch
        {
            Discard(stored);
            throw;
        }
    }

    /// <summary>
    /// Marks the thread handled. A racing save or a passing database failure is retried on fresh data, but a message
    /// needing action that is newer than <paramref name="lastSeen"/> (the newest message the user was shown; when not
    /// given, the newest when this call began) is never marked handled unseen: the user is asked to read it first.
    /// </summary>
    public Task MarkActionHandledAsync(Actor actor, Guid threadId, DateTimeOffset? lastSeen, CancellationToken ct = default) =>
        Retry.UnitOfWorkAsync(async () =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var (thread, relationship) = await LoadVisibleThreadAsync(db, actor, threadId, AccessAction.Update, "Marked message thread handled", ct);
            lastSeen ??= thread.LastMessageAt;
            if (thread.Messages.Any(m => m.NeedsAction && m.SentAt > lastSeen))
                throw new DomainException("A new message that needs action arrived just now. Read it, then mark the thread as handled again.");
            thread.MarkActionHandled(actor, clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
            Signal(thread, relationship, actor, timeline: false);
        }, repeatable: true, ct);

    public async Task<AttachmentDownload> OpenAttachmentAsync(Actor actor, Guid attachmentId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var threadId = await db.MessageThreads.AsNoTracking()
            .Where(t => t.Messages.Any(m => m.Attachments.Any(a => a.Id == attachmentId)))
            .Select(t => (Guid?)t.Id)
            .SingleOrDefaultAsync(ct) ?? throw new DomainException("That attachment does not exist.");
        var (thread, _) = await LoadVisibleThreadAsync(db, actor, threadId, AccessAction.Read, "Opened attachment", ct);
        await db.SaveChangesAsync(ct);
        var attachment = thread.Messages.SelectMany(m => m.Attachments).Single(a => a.Id == attachmentId);
        return new AttachmentDownload(attachments.Open(attachment.StorageKey), attachment.FileName, attachment.ContentType);
    }

    internal static async Task<IReadOnlyList<ThreadSummary>> SummariseAsync(CareDbContext db, Actor actor, IEnumerable<MessageThread> threads,
        Func<Guid, string> patientName, CancellationToken ct)
    {
        var list = threads.ToList();
        var ids = list.Select(t => t.Id).ToList();
        var read = (await db.MessageReadReceipts.AsNoTracking()
            .Where(r => r.UserId == actor.UserId && ids.Contains(r.ThreadId))
            .Select(r => r.MessageId).ToListAsync(ct)).ToHashSet();
        return list.Select(t =>
        {
            var last = t.Messages.OrderBy(m => m.SentAt).Last();
            var unread = t.Messages.Any(m => m.AuthorUserId != actor.UserId && !read.Contains(m.Id));
            return new ThreadSummary(t.Id, t.PatientId, patientName(t.PatientId), t.Subject, t.Category, t.SharedWithPatient, t.SharedWithRelatives,
                t.LastMessageAt, last.AuthorName, t.Messages.Count, unread, t.NeedsAction);
        }).ToList();
    }

    private async Task<(MessageThread Thread, PatientRelationship Relationship)> LoadVisibleThreadAsync(
        CareDbContext db, Actor actor, Guid threadId, AccessAction action, string what, CancellationToken ct)
    {
        var patientId = await db.MessageThreads.Where(t => t.Id == threadId).Select(t => (Guid?)t.PatientId).SingleOrDefaultAsync(ct)
            ?? throw new DomainException("That message thread does not exist.");
        var (_, relationship) = await guard.DemandWithRelationshipAsync(db, actor, patientId, action, PatientSection.Messages, what, ct);
        var thread = await db.MessageThreads.SingleAsync(t => t.Id == threadId, ct);
        if (!thread.IsVisibleTo(actor))
            throw await guard.RefuseAsync(db, actor, patientId, action, PatientSection.Messages, what, "This message thread is not shared with you.", ct);
        return (thread, relationship);
    }

    private async Task<List<(AttachmentCheck File, string StorageKey)>> StoreAsync(IReadOnlyList<UploadedFile> files, CancellationToken ct)
    {
        if (files.Count > AttachmentPolicy.MaxPerMessage)
            throw new DomainException("A message can carry at most {0} attachments.", AttachmentPolicy.MaxPerMessage);
        var stored = new List<(AttachmentCheck File, string StorageKey)>();
        try
        {
            foreach (var file in files)
            {
                await using var stream = file.Open();
                stored.Add(await attachments.SaveAsync(file.FileName, stream, file.Size, ct));
            }
            return stored;
        }
        catch
        {
            Discard(stored);
            throw;
        }
    }

    private void Discard(IEnumerable<(AttachmentCheck File, string StorageKey)> stored)
    {
        foreach (var (_, key) in stored)
            attachments.Delete(key);
    }

    /// <summary>
    /// Only threads that everyone on the pathway may read go on the shared timeline, under the sector of the
    /// sending organisation (a patient or relative has none, so their threads stay in Messages).
    /// </summary>
    private static async Task<PathwayEvent?> TimelineEventForAsync(CareDbContext db, Actor actor, MessageThread thread, CancellationToken ct)
    {
        if (!thread.SharedWithPatient || !thread.SharedWithRelatives || actor.OrganisationId is not { } organisationId)
            return null;
        var organisation = await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == organisationId, ct);
        return organisation is null
            ? null
            : PathwayEvent.MessageShared(thread.PatientId, thread.StartedAt, organisation, thread.Subject, actor.DisplayName);
    }

    /// <summary>
    /// Tells the pathway's viewers, and the inboxes of those who may see the thread (worked out from the relationship
    /// this unit of work already decided on, so no extra read), that the thread changed.
    /// </summary>
    private void Signal(MessageThread thread, PatientRelationship relationship, Actor actor, bool timeline)
    {
        notifier.PathwayChanged(new PathwayChange(thread.PatientId, PatientSection.Messages, thread.Id, actor.UserId)
        {
            Audience = thread.Audience,
            SeenBy = WhoMaySee.Change(relationship, PatientSection.Messages, thread.Audience),
        });
        if (timeline)
        {
            notifier.PathwayChanged(new PathwayChange(thread.PatientId, PatientSection.Timeline, thread.Id, actor.UserId)
            {
                Audience = thread.Audience,
                SeenBy = WhoMaySee.Change(relationship, PatientSection.Timeline, thread.Audience),
            });
        }
    }
}
