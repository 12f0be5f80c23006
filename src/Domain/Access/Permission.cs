namespace CareWorkspace.Domain.Access;

/// <summary>What one role may do in one section of a patient's record: one cell of the <see cref="AccessMatrix"/>.</summary>
[Flags]
public enum Permission
{
    None = 0,
    Read = 1,
    Search = 2,
    Create = 4,

    /// <summary>Change or end items that the user's own organisation owns (e.g. its own care-team membership).</summary>
    UpdateOwn = 8,

    /// <summary>Change or end any item, whichever organisation owns it.</summary>
    UpdateAny = 16 | UpdateOwn,

    DeleteOwn = 32,
    DeleteAny = 64 | DeleteOwn,
}
