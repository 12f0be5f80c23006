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

    /// <summary>Subscribes to changes of every patient (an inbox, the hub bridge). Dispose to stop.</summary>
    IDisposable SubscribeAll(PatientSection? section, Func<PathwayChange, Task> onChange);

    /// <summary>Queues the signal and returns at once: the editor never waits for the fan-out.</summary>
    void PathwayChanged(PathwayChange change);

    int SubscriptionCount { get; }
}
