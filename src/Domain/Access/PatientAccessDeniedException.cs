namespace CareWorkspace.Domain.Access;

/// <summary>The user has no care relationship that allows this; the attempt has been logged.</summary>
public sealed class PatientAccessDeniedException(string reason) : Exception(reason);
