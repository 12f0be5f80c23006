namespace CareWorkspace.Domain.Notifications;

/// <summary>
/// What to tell one person, before any channel writes it: a kind and its values (times as ISO 8601 instants, names as
/// given), so that each channel words it in the recipient's own language. <see cref="Link"/> is an app path to open.
/// </summary>
public sealed record NotificationMessage(NotificationKind Kind, IReadOnlyDictionary<string, string> Values, Guid? PatientId, string? Link)
{
    public const string Start = "start";
    public const string Organisation = "organisation";
    public const string Patient = "patient";
    public const string Due = "due";
    public const string By = "by";
    public const string Reason = "reason";
    public const string End = "end";
    public const string Accessed = "accessed";
}
