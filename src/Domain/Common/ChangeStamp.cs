namespace CareWorkspace.Domain.Common;

/// <summary>Who made a change and when: shown to the next editor if their edit turns out to be stale.</summary>
public sealed record ChangeStamp(string ByName, DateTimeOffset At);
