using CareWorkspace.Domain.NationalSync;

namespace CareWorkspace.Infrastructure.NationalServices.Sandbox;

/// <summary>
/// One resource the sandbox serves, kept as JSON exactly as it will be sent (so a test can place an invalid one), with
/// what the searches need: its identifiers ("system|value") and the CPR of the patient it is about.
/// </summary>
public sealed record SandboxResource(NationalService Service, string Type, string Id, int Version, DateTimeOffset LastUpdated, string Json,
    string? PatientCpr, IReadOnlyList<string> Identifiers);
