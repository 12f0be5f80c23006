namespace CareWorkspace.Domain.Organisations;

/// <summary>What the organisation register (SOR) says about an organisation, as it said it (not yet checked by our rules).</summary>
public sealed record SorEntry(string? Name, string? AddressLine, string? PostalCode, string? City, string? Phone, string? Kind, bool Active);
