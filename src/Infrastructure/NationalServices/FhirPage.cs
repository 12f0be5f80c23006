using System.Text.Json;
using Hl7.Fhir.Model;

namespace CareWorkspace.Infrastructure.NationalServices;

/// <summary>
/// Where an item came from: the source's id ("Type/id"), version, last change and the resource as received
/// (<see cref="Json"/>, kept for parking the item when its import fails).
/// </summary>
public sealed record Provenance(string SourceId, string? Version, DateTimeOffset? LastUpdated)
{
    private readonly string? json;
    private readonly JsonElement received;

    public Provenance(string sourceId, string? version, DateTimeOffset? lastUpdated, string json)
        : this(sourceId, version, lastUpdated) => this.json = json;

    /// <summary>
    /// The resource as received, still inside its page's parsed answer: its text is made only when asked for (to park
    /// the item), so a page does not hold a copy of every entry's JSON while it is imported. Readable until the
    /// search moves to the next page (<see cref="FhirSearchReader.SearchAsync{T}"/>).
    /// </summary>
    internal Provenance(string sourceId, string? version, DateTimeOffset? lastUpdated, JsonElement received)
        : this(sourceId, version, lastUpdated) => this.received = received;

    /// <summary>The resource as received.</summary>
    public string Json => json ?? (received.ValueKind == JsonValueKind.Undefined ? "" : received.GetRawText());
}

/// <summary>A resource of a search page that was not accepted, with the reason and the payload as received.</summary>
public sealed record RejectedEntry(string SourceId, string Reason, string Json);

/// <summary>One page of a search: the resources that parsed strictly, the ones that did not, and the next page's link.</summary>
public sealed record FhirPage(IReadOnlyList<(Resource Resource, Provenance Provenance)> Entries, IReadOnlyList<RejectedEntry> Rejected, Uri? Next);

/// <summary>One page as the service's adapter understood it: items it could map and the entries it rejected.</summary>
public sealed record NationalPage<T>(IReadOnlyList<(T Item, Provenance Provenance)> Items, IReadOnlyList<RejectedEntry> Rejected)
{
    public int Read => Items.Count + Rejected.Count;
}
