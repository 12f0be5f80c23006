namespace CareWorkspace.Domain.Rehabilitation;

/// <summary>
/// One correction of a logged training session: who corrected it, when, and each value as it was before and after.
/// Kept with the session, oldest first, so that what the patient first reported stays readable.
/// </summary>
public sealed record SessionCorrection(DateTimeOffset At, string ByUserId, string ByName, IReadOnlyList<SessionFieldChange> Changes);

/// <summary>
/// One value changed by a correction, in a language-neutral form (a date as yyyy-MM-dd, an outcome by its name, the exercise
/// by its name then, null for none); the screen puts it in the reader's words.
/// </summary>
public sealed record SessionFieldChange(SessionField Field, string? Before, string? After);

/// <summary>What a correction of a training session can change.</summary>
public enum SessionField
{
    Day,
    Exercise,
    Outcome,
    Pain,
    Note,
}
