namespace CareWorkspace.Domain.Common;

public abstract class AggregateRoot
{
    public Guid Id { get; protected set; } = Guid.NewGuid();

    /// <summary>Optimistic concurrency token: changes on every save, so a stale edit is refused.</summary>
    public Guid Version { get; private set; } = Guid.NewGuid();

    public void Touch() => Version = Guid.NewGuid();
}
