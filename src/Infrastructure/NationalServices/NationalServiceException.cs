using CareWorkspace.Domain.NationalSync;

namespace CareWorkspace.Infrastructure.NationalServices;

/// <summary>A national service could not be read (down, slow, broken, refusing): the reason names the service and what went wrong.</summary>
public sealed class NationalServiceException(NationalService service, NationalServiceFailure failure, string reason, Exception? inner = null)
    : Exception($"{service}: {reason}", inner)
{
    public NationalService Service { get; } = service;
    public NationalServiceFailure Failure { get; } = failure;
}

public enum NationalServiceFailure
{
    /// <summary>No base URL is set (and no sandbox).</summary>
    NotConfigured,
    Unreachable,
    Timeout,
    ServerError,
    Malformed,
    TooLarge,

    /// <summary>A Bundle's <c>next</c> link points away from the service: not followed.</summary>
    ForeignNextLink,
}
