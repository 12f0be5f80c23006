namespace CareWorkspace.Infrastructure.NationalServices.Sandbox;

/// <summary>How the sandbox misbehaves for one service, for tests and demos.</summary>
public enum SandboxFault
{
    None,

    /// <summary>The connection is dropped without an answer.</summary>
    Down,

    /// <summary>Answers only after <see cref="SandboxFaults.SlowDelay"/>.</summary>
    Slow,

    /// <summary>HTTP 500 with an OperationOutcome.</summary>
    ServerError,

    /// <summary>HTTP 200 with a body that is not JSON.</summary>
    Malformed,

    /// <summary>Search pages link their next page on another host.</summary>
    ForeignNextLink,
}
