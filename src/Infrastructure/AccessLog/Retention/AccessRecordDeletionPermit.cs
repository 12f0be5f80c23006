namespace CareWorkspace.Infrastructure.AccessLog.Retention;

/// <summary>
/// The database's append-only triggers on <c>AccessRecords</c> let a row be deleted only while a permit for its id
/// exists. The retention job adds the permits for one batch of archived records, deletes those records and the permits
/// in the same transaction, so the table is empty outside that transaction and any other delete is refused.
/// </summary>
public sealed class AccessRecordDeletionPermit(long accessRecordId)
{
    public long AccessRecordId { get; private set; } = accessRecordId;
}
