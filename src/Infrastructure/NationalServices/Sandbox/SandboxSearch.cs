using System.Globalization;
using System.Text.Json;
using CareWorkspace.Domain.NationalSync;

namespace CareWorkspace.Infrastructure.NationalServices.Sandbox;

/// <summary>
/// The sandbox's search: <c>identifier=system|value</c>, <c>patient=Patient/{id}</c> (or <c>subject</c>; the id a
/// <c>Patient?identifier=…</c> search of the same service answered), <c>patient.identifier=system|value</c> (the
/// patient's CPR), <c>_lastUpdated</c> with gt/ge/lt/le (repeatable), <c>_count</c>, and paging through <c>next</c>
/// links; results oldest change first. A next link carries where the page ended (<c>_cursor</c>, the last change
/// served), so a page costs its own size, not the store's. Answers a searchset Bundle written straight from the
/// stored JSON.
/// </summary>
public static class SandboxSearch
{
    public const int DefaultCount = 50;
    public const int MaxCount = 500;
    public const string ForeignHost = "http://elsewhere.example";
    private const string Cursor = "_cursor";

    /// <param name="serviceBase">The service's base URL in the sandbox, ending with a slash.</param>
    public static SandboxBundle Run(SandboxStore store, NationalService service, string type, IReadOnlyList<KeyValuePair<string, string>> query,
        Uri serviceBase, bool foreignNextLink = false)
    {
        var tests = new List<Func<SandboxResource, bool>>();
        var count = DefaultCount;
        DateTimeOffset? from = null;
        string? patientCpr = null;
        foreach (var (name, value) in query)
        {
            switch (name)
            {
                case "identifier":
                    if (type == "Patient" && service != NationalService.Person && CprIn(value) is { } cpr)
                        patientCpr = cpr;
                    else
                        tests.Add(r => r.Identifiers.Contains(value, StringComparer.Ordinal));
                    break;
                case "patient" or "subject":
                    var id = value.StartsWith("Patient/", StringComparison.Ordinal) ? value["Patient/".Length..] : value;
                    var ofPatient = store.CprOfPatient(service, id);
                    tests.Add(r => ofPatient is not null && r.PatientCpr == ofPatient);
                    break;
                case "patient.identifier" or "subject.identifier":
                    var byCpr = CprIn(value);
                    tests.Add(r => byCpr is not null && r.PatientCpr == byCpr);
                    break;
                case "_lastUpdated":
                    tests.Add(LastUpdated(value, ref from));
                    break;
                case "_count":
                    count = Math.Clamp(int.TryParse(value, CultureInfo.InvariantCulture, out var c) ? c : DefaultCount, 1, MaxCount);
                    break;
                case Cursor:
                    // Every change is stamped later than the one before, so "after the last one served" is exact.
                    var after = long.TryParse(value, CultureInfo.InvariantCulture, out var ticks) && ticks >= 0 && ticks < DateTimeOffset.MaxValue.Ticks
                        ? new DateTimeOffset(ticks + 1, TimeSpan.Zero)
                        : DateTimeOffset.MaxValue;
                    from = from is { } earlier && earlier > after ? earlier : after;
                    break;
            }
        }
        var self = new Uri(serviceBase, type + QueryString(query, null));
        if (patientCpr is not null)
        {
            // A service's Patient by CPR (see SandboxStore.PatientWithCpr): one at most, on one page.
            var patient = store.PatientWithCpr(service, patientCpr);
            return new SandboxBundle(self, null, patient is not null && tests.All(t => t(patient)) ? [patient] : [], serviceBase);
        }
        // One more than a page tells whether there is a next one.
        var found = store.Page(service, type, from, r => tests.All(t => t(r)), count + 1);
        var page = found.Count > count ? found.GetRange(0, count) : found;
        Uri? next = found.Count > count ? new Uri(serviceBase, type + QueryString(query, page[^1].LastUpdated.UtcTicks)) : null;
        if (foreignNextLink && next is not null)
            next = new Uri(new Uri(ForeignHost), next.PathAndQuery);
        return new SandboxBundle(self, next, page, serviceBase);
    }

    private static string? CprIn(string value) =>
        value.Split('|') is [DkIdentifiers.Cpr or DkIdentifiers.XeCpr, var number] ? number : null;

    /// <summary>The test of a <c>_lastUpdated</c> value; a lower bound (gt, ge, eq) also moves where the search starts.</summary>
    private static Func<SandboxResource, bool> LastUpdated(string value, ref DateTimeOffset? from)
    {
        var prefix = value.Length > 2 && char.IsLetter(value[0]) ? value[..2] : "eq";
        var text = prefix == "eq" && !char.IsLetter(value[0]) ? value : value[2..];
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
            return _ => false;
        if (prefix is "gt" or "ge" or "eq" && (from is null || at > from))
            from = at;
        return prefix switch
        {
            "gt" => r => r.LastUpdated > at,
            "ge" => r => r.LastUpdated >= at,
            "lt" => r => r.LastUpdated < at,
            "le" => r => r.LastUpdated <= at,
            _ => r => r.LastUpdated == at,
        };
    }

    private static string QueryString(IReadOnlyList<KeyValuePair<string, string>> query, long? cursor)
    {
        var parts = query.Where(p => p.Key != Cursor).Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}").ToList();
        if (cursor is { } after)
            parts.Add($"{Cursor}={after.ToString(CultureInfo.InvariantCulture)}");
        return parts.Count == 0 ? "" : "?" + string.Join('&', parts);
    }
}

/// <summary>One page of a sandbox search, written as a searchset Bundle straight from the stored JSON.</summary>
public sealed record SandboxBundle(Uri Self, Uri? Next, IReadOnlyList<SandboxResource> Page, Uri ServiceBase)
{
    private const int EntriesPerFlush = 32;

    /// <summary>Writes the Bundle to <paramref name="body"/> a few entries at a time, so the answer is never held whole.</summary>
    public async Task WriteAsync(Stream body, CancellationToken ct)
    {
        await using var json = new Utf8JsonWriter(body);
        json.WriteStartObject();
        json.WriteString("resourceType", "Bundle");
        json.WriteString("type", "searchset");
        json.WriteStartArray("link");
        WriteLink(json, "self", Self);
        if (Next is not null)
            WriteLink(json, "next", Next);
        json.WriteEndArray();
        json.WriteStartArray("entry");
        for (var i = 0; i < Page.Count; i++)
        {
            var resource = Page[i];
            json.WriteStartObject();
            json.WriteString("fullUrl", new Uri(ServiceBase, $"{resource.Type}/{resource.Id}").ToString());
            json.WritePropertyName("resource");
            json.WriteRawValue(resource.Json, skipInputValidation: true);
            json.WriteStartObject("search");
            json.WriteString("mode", "match");
            json.WriteEndObject();
            json.WriteEndObject();
            if (i % EntriesPerFlush == EntriesPerFlush - 1)
                await json.FlushAsync(ct);
        }
        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync(ct);
    }

    /// <summary>The Bundle as text (for tests and the benchmark's timing of the sandbox itself).</summary>
    public async Task<string> ToJsonAsync(CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await WriteAsync(buffer, ct);
        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static void WriteLink(Utf8JsonWriter json, string relation, Uri url)
    {
        json.WriteStartObject();
        json.WriteString("relation", relation);
        json.WriteString("url", url.ToString());
        json.WriteEndObject();
    }
}
