namespace CareWorkspace.Domain.Access;

/// <summary>What a user does with a patient's data (IHE BALP: Read, Query, Create, Update, Delete).</summary>
public enum AccessAction
{
    Read,
    Search,
    Create,
    Update,
    Delete,
}
