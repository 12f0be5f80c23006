namespace CareWorkspace.Infrastructure.Access;

/// <summary>A read's access record could not be made durable, so the read must not be shown.</summary>
public sealed class AccessRecordNotSavedException(string message, Exception? inner) : Exception(message, inner);
