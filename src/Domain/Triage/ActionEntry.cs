namespace CareWorkspace.Domain.Triage;

/// <summary>
/// One thing done on an action plan: a day's follow-up, an escalation to the GP, acute help called. An escalation names
/// the message thread that asked the GP to act, when one was posted.
/// </summary>
public sealed record ActionEntry(Guid Id, ActionEntryKind Kind, DateOnly Day, DateTimeOffset At, string ByUserId, string ByName, string? Note,
    Guid? MessageThreadId = null);
