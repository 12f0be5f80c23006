namespace CareWorkspace.Domain.Triage;

/// <summary>What staff did on an action plan.</summary>
public enum ActionEntryKind
{
    /// <summary>The day's follow-up of the plan was done ("fulgt op").</summary>
    FollowedUp,

    /// <summary>The citizen's GP was asked to act.</summary>
    EscalatedToGp,

    /// <summary>Acute help (the municipality's acute team, the emergency number) was called.</summary>
    AcuteHelpCalled,
}
