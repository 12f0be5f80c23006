using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using CareWorkspace.Domain.NationalSync;

namespace CareWorkspace.Infrastructure.NationalServices.Sandbox;

/// <summary>
/// The sandbox's resources, in memory, per service. Placing a resource gives it an id (when it has none), the next
/// version and a <c>meta.lastUpdated</c> later than any before, as a FHIR server would; the JSON is otherwise kept as
/// given, so a test can place a resource the strict parser will refuse.
/// </summary>
public sealed class SandboxStore(TimeProvider clock)
{
    private readonly ConcurrentDictionary<(NationalService, string Type, string Id), SandboxResource> resources = new();
    private readonly Lock stamp = new();
    private DateTimeOffset lastStamp = DateTimeOffset.MinValue;

    public int Count => resources.Count;

    /// <summary>Places (or replaces, as a new version) a resource; <paramref name="patientCpr"/> is what <c>patient.identifier</c> searches find it by.</summary>
    public SandboxResource Place(NationalService service, string json, string? patientCpr = null)
    {
        var node = JsonNode.Parse(json) as JsonObject ?? throw new ArgumentException("A resource is a JSON object.", nameof(json));
        var type = node["resourceType"]?.GetValue<string>() ?? throw new ArgumentException("A resource has a resourceType.", nameof(json));
        var id = node["id"]?.GetValue<string>() ?? Guid.NewGuid().ToString();
        node["id"] = id;
        var updated = NextStamp();
        var version = resources.TryGetValue((service, type, id), out var earlier) ? earlier.Version + 1 : 1;
        if (node["meta"] is not JsonObject meta)
        {
            meta = [];
            node["meta"] = meta;
        }
        meta["versionId"] = version.ToString(CultureInfo.InvariantCulture);
        meta["lastUpdated"] = updated.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        var resource = new SandboxResource(service, type, id, version, updated, node.ToJsonString(), patientCpr, IdentifiersOf(node));
        resources[(service, type, id)] = resource;
        return resource;
    }

    public SandboxResource? Read(NationalService service, string type, string id) => resources.GetValueOrDefault((service, type, id));

    /// <summary>The service's resources of a type, oldest change first.</summary>
    public IEnumerable<SandboxResource> All(NationalService service, string type) =>
        resources.Values.Where(r => r.Service == service && r.Type == type).OrderBy(r => r.LastUpdated).ThenBy(r => r.Id, StringComparer.Ordinal);

    private DateTimeOffset NextStamp()
    {
        lock (stamp)
        {
            var now = clock.GetUtcNow();
            // Whole milliseconds (what the JSON carries), always later than the one before.
            now = new DateTimeOffset(now.Ticks - now.Ticks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero);
            lastStamp = now > lastStamp ? now : lastStamp.AddMilliseconds(1);
            return lastStamp;
        }
    }

    private static List<string> IdentifiersOf(JsonObject node)
    {
        if (node["identifier"] is not JsonArray identifiers)
            return [];
        return [.. identifiers.OfType<JsonObject>()
            .Where(i => i["system"] is JsonValue && i["value"] is JsonValue)
            .Select(i => $"{i["system"]!.GetValue<string>()}|{i["value"]!.GetValue<string>()}")];
    }
}
