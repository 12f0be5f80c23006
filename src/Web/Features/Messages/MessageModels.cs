using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Messaging;

namespace CareWorkspace.Web.Features.Messages;

public sealed record ThreadSummary(
    Guid Id, Guid PatientId, string PatientName, string Subject, MessageCategory Category,
    bool SharedWithPatient, bool SharedWithRelatives, DateTimeOffset LastMessageAt, string LastAuthor,
    int MessageCount, bool Unread, bool NeedsAction);

public sealed record ThreadView(
    Guid Id, Guid PatientId, string Subject, MessageCategory Category, bool SharedWithPatient, bool SharedWithRelatives,
    bool NeedsAction, string? ActionHandledBy, IReadOnlyList<MessageView> Messages);

public sealed record MessageView(
    Guid Id, string AuthorName, UserRole AuthorRole, string? AuthorOrganisation, string Text, DateTimeOffset SentAt,
    bool NeedsAction, IReadOnlyList<AttachmentView> Attachments, IReadOnlyList<string> ReadBy, bool IsMine);

public sealed record AttachmentView(Guid Id, string FileName, string ContentType, long Size);

public sealed record NewThreadInput(string Subject, MessageCategory Category, bool SharedWithPatient, bool SharedWithRelatives, string Text, bool NeedsAction);

/// <summary>A file the user picked; opened only when it is stored.</summary>
public sealed record UploadedFile(string FileName, long Size, Func<Stream> Open);

public enum InboxFilter
{
    All,
    Unread,
    NeedsAction,
}

public sealed record AttachmentDownload(Stream Content, string FileName, string ContentType);
