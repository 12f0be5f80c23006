using Hl7.Fhir.Model;

namespace CareWorkspace.Infrastructure.NationalServices;

/// <summary>Where an item came from: the source's id ("Type/id"), version, last change and the resource as received.</summary>
public sealed record Provenance(string SourceId, string? Version, DateTimeOffset? LastUpdated, string Json);

/// <summary>A resource of a search page that was not accepted, with the reason and the payload as received.</summary>
public sealed record RejectedEntry(string SourceId, string Reason, string Json);

/// <summary>One page of a search: the resources that parsed strictly, the ones that did not, and the next page's link.</summary>
public sealed record FhirPage(IReadOnlyList<(Resource Resource, Provenance Provenance)> Entries, IReadOnlyList<RejectedEntry> Rejected, Uri? Next);

/// <summary>One page as the service's adapter understood it: items it could map and the entries it rejected.</summary>
public sealed record NationalPage<T>(IReadOnlyList<(T Item, Provenance Provenance)> Items, IReadOnlyList<RejectedEntry> Rejected)
{
    public int Read => Items.Count + Rejected.Count;
}
