namespace CareWorkspace.Infrastructure.Identity;

/// <summary>
/// One administrative action on an account, for other administrators to read. Append-only: nothing updates or
/// deletes an entry, and refused attempts are recorded too.
/// </summary>
public sealed class AdministrationLogEntry
{
    public const int DetailsMaxLength = 1000;

    public long Id { get; private set; }
    public DateTimeOffset At { get; private set; }
    public string AdministratorId { get; private set; } = "";
    public string AdministratorName { get; private set; } = "";
    public AdministrationAction Action { get; private set; }
    public string TargetUserId { get; private set; } = "";
    public string TargetUserName { get; private set; } = "";
    public bool Refused { get; private set; }
    public string Details { get; private set; } = "";

    private AdministrationLogEntry() { }

    public AdministrationLogEntry(DateTimeOffset at, string administratorId, string administratorName, AdministrationAction action,
        string targetUserId, string targetUserName, bool refused, string details)
    {
        At = at;
        AdministratorId = administratorId;
        AdministratorName = administratorName;
        Action = action;
        TargetUserId = targetUserId;
        TargetUserName = targetUserName;
        Refused = refused;
        Details = details.Length > DetailsMaxLength ? details[..DetailsMaxLength] : details;
    }
}
