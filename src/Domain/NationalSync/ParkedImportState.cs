namespace CareWorkspace.Domain.NationalSync;

public enum ParkedImportState
{
    /// <summary>Invalid as received (parsing, identifiers): not tried again.</summary>
    Rejected,

    /// <summary>Failed on import; tried again later.</summary>
    Retrying,

    /// <summary>Failed every attempt; waits for someone to look at it.</summary>
    Parked,
}
