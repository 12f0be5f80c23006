namespace CareWorkspace.Infrastructure.Identity;

/// <summary>Every session of one user that began before <see cref="At"/> has ended, for <see cref="Reason"/>.</summary>
public sealed record SessionRevocation(string UserId, DateTimeOffset At, string Reason, string Origin = "");
