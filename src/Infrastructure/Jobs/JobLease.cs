namespace CareWorkspace.Infrastructure.Jobs;

/// <summary>
/// One row per job that must never run twice at once (across servers and job stores): the run holding it, and until
/// when. A run that dies keeps it only until <see cref="ExpiresAt"/>; then the next run takes it over.
/// </summary>
public sealed class JobLease(string name, string holder, DateTimeOffset expiresAt)
{
    public const int NameMaxLength = 100;

    public string Name { get; private set; } = name;
    public string Holder { get; private set; } = holder;
    public DateTimeOffset ExpiresAt { get; private set; } = expiresAt;
}
