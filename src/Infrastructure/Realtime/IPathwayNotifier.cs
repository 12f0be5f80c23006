using CareWorkspace.Domain.Access;

namespace CareWorkspace.Infrastructure.Realtime;

/// <summary>
/// Tells everyone viewing a pathway that a section changed. Signal it only after the change is committed.
/// </summary>
public interface IPathwayNotifier
{
    /// <summary>This app instance's id; changes it receives from other instances carry theirs.</summary>
    string InstanceId { get; }

    /// <summary>Subscribes to one patient's changes, in one section or (with null) all of them. Dispose to stop.</summary>
    IDisposable Subscribe(Guid patientId, PatientSection? section, Func<PathwayChange, Task> onChange);

    /// <summary>
    /// Subscribes to changes of any patient that the holder of one of <paramref name="keys"/> may see (a change's
    /// <see cref="PathwayChange.SeenBy"/>): an inbox or another cross-patient view. Dispose to stop.
    /// </summary>
    IDisposable SubscribeFor(IEnumerable<AudienceKey> keys, PatientSection? section, Func<PathwayChange, Task> onChange);

    /// <summary>
    /// Subscribes to changes, of any patient and section, that name <paramref name="key"/> in their
    /// <see cref="PathwayChange.SeenBy"/>; unlike <see cref="SubscribeFor"/> it never hears a change whose audience was
    /// not worked out (the notification bell: only what was sent to one user). Dispose to stop.
    /// </summary>
    IDisposable SubscribeNamed(AudienceKey key, Func<PathwayChange, Task> onChange);

    /// <summary>Subscribes to changes of every patient, seen by anyone: for one per instance (the hub bridge), never per viewer. Dispose to stop.</summary>
    IDisposable SubscribeAll(PatientSection? section, Func<PathwayChange, Task> onChange);

    /// <summary>Queues the signal and returns at once: the editor never waits for the fan-out.</summary>
    void PathwayChanged(PathwayChange change);

    int SubscriptionCount { get; }
}
