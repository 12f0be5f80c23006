using System.Collections.Concurrent;
using CareWorkspace.Domain.NationalSync;

namespace CareWorkspace.Infrastructure.NationalServices.Sandbox;

/// <summary>The faults the sandbox is told to show, per service (one per app; tests and the demo control set them).</summary>
public sealed class SandboxFaults
{
    private readonly ConcurrentDictionary<NationalService, SandboxFault> faults = new();

    /// <summary>How long a slow service takes to answer.</summary>
    public TimeSpan SlowDelay { get; set; } = TimeSpan.FromSeconds(30);

    public SandboxFault Of(NationalService service) => faults.GetValueOrDefault(service, SandboxFault.None);

    public void Set(NationalService service, SandboxFault fault)
    {
        if (fault == SandboxFault.None)
            faults.TryRemove(service, out _);
        else
            faults[service] = fault;
    }

    public void ClearAll() => faults.Clear();
}
