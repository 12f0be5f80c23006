using System.Globalization;
using System.Text;
using System.Text.Json;
using CareWorkspace.Domain.NationalSync;

namespace CareWorkspace.Infrastructure.NationalServices.Sandbox;

/// <summary>
/// The sandbox's search: <c>identifier=system|value</c>, <c>patient.identifier=system|value</c> (the patient's CPR),
/// <c>_lastUpdated</c> with gt/ge/lt/le (repeatable), <c>_count</c>, and paging through <c>next</c> links
/// (<c>_offset</c>); results oldest change first. Answers a searchset Bundle written straight from the stored JSON.
/// </summary>
public static class SandboxSearch
{
    public const int DefaultCount = 50;
    public const int MaxCount = 500;
    public const string ForeignHost = "http://elsewhere.example";

    /// <param name="serviceBase">The service's base URL in the sandbox, ending with a slash.</param>
    public static string Run(SandboxStore store, NationalService service, string type, IReadOnlyList<KeyValuePair<string, string>> query,
        Uri serviceBase, bool foreignNextLink = false)
    {
        var matches = store.All(service, type);
        var count = DefaultCount;
        var offset = 0;
        foreach (var (name, value) in query)
        {
            switch (name)
            {
                case "identifier":
                    matches = matches.Where(r => r.Identifiers.Contains(value, StringComparer.Ordinal));
                    break;
                case "patient.identifier" or "subject.identifier":
                    var cpr = value.Split('|') is [DkIdentifiers.Cpr or DkIdentifiers.XeCpr, var number] ? number : null;
                    matches = matches.Where(r => cpr is not null && r.PatientCpr == cpr);
                    break;
                case "_lastUpdated":
                    matches = matches.Where(LastUpdated(value));
                    break;
                case "_count":
                    count = Math.Clamp(int.TryParse(value, CultureInfo.InvariantCulture, out var c) ? c : DefaultCount, 1, MaxCount);
                    break;
                case "_offset":
                    offset = Math.Max(0, int.TryParse(value, CultureInfo.InvariantCulture, out var o) ? o : 0);
                    break;
            }
        }
        var all = matches.ToList();
        var page = all.Skip(offset).Take(count).ToList();
        var self = new Uri(serviceBase, type + QueryString(query, null));
        Uri? next = offset + count < all.Count ? new Uri(serviceBase, type + QueryString(query, offset + count)) : null;
        if (foreignNextLink && next is not null)
            next = new Uri(new Uri(ForeignHost), next.PathAndQuery);
        return Write(all.Count, self, next, page, serviceBase);
    }

    private static Func<SandboxResource, bool> LastUpdated(string value)
    {
        var prefix = value.Length > 2 && char.IsLetter(value[0]) ? value[..2] : "eq";
        var text = prefix == "eq" && !char.IsLetter(value[0]) ? value : value[2..];
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
            return _ => false;
        return prefix switch
        {
            "gt" => r => r.LastUpdated > at,
            "ge" => r => r.LastUpdated >= at,
            "lt" => r => r.LastUpdated < at,
            "le" => r => r.LastUpdated <= at,
            _ => r => r.LastUpdated == at,
        };
    }

    private static string QueryString(IReadOnlyList<KeyValuePair<string, string>> query, int? offset)
    {
        var parts = query.Where(p => p.Key != "_offset").Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}").ToList();
        if (offset is { } o)
            parts.Add("_offset=" + o.ToString(CultureInfo.InvariantCulture));
        return parts.Count == 0 ? "" : "?" + string.Join('&', parts);
    }

    private static string Write(int total, Uri self, Uri? next, List<SandboxResource> page, Uri serviceBase)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("resourceType", "Bundle");
            json.WriteString("type", "searchset");
            json.WriteNumber("total", total);
            json.WriteStartArray("link");
            WriteLink(json, "self", self);
            if (next is not null)
                WriteLink(json, "next", next);
            json.WriteEndArray();
            json.WriteStartArray("entry");
            foreach (var resource in page)
            {
                json.WriteStartObject();
                json.WriteString("fullUrl", new Uri(serviceBase, $"{resource.Type}/{resource.Id}").ToString());
                json.WritePropertyName("resource");
                json.WriteRawValue(resource.Json, skipInputValidation: true);
                json.WriteStartObject("search");
                json.WriteString("mode", "match");
                json.WriteEndObject();
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static void WriteLink(Utf8JsonWriter json, string relation, Uri url)
    {
        json.WriteStartObject();
        json.WriteString("relation", relation);
        json.WriteString("url", url.ToString());
        json.WriteEndObject();
    }
}
