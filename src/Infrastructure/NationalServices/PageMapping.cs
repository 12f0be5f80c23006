using Hl7.Fhir.Model;

namespace CareWorkspace.Infrastructure.NationalServices;

/// <summary>Turns a page of strictly parsed resources into a service's items; an entry the mapping refuses joins the rejected ones.</summary>
internal static class PageMapping
{
    public delegate bool TryMap<T>(Resource resource, out T? item, out string reason);

    public static NationalPage<T> Map<T>(FhirPage page, TryMap<T> map)
    {
        var items = new List<(T, Provenance)>();
        var rejected = new List<RejectedEntry>(page.Rejected);
        foreach (var (resource, provenance) in page.Entries)
        {
            if (map(resource, out var item, out var reason))
                items.Add((item!, provenance));
            else
                rejected.Add(new RejectedEntry(provenance.SourceId, reason, provenance.Json));
        }
        return new NationalPage<T>(items, rejected);
    }
}
