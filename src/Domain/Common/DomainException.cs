namespace CareWorkspace.Domain.Common;

/// <summary>A rule of the care domain was broken; the message is written for the person who entered the data.</summary>
public sealed class DomainException(string message) : Exception(message);
