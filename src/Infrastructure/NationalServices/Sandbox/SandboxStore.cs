using System.Globalization;
using System.Security.Cryptography;
using System.Text;
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
    private readonly Lock gate = new();
    private readonly Dictionary<(NationalService, string Type, string Id), SandboxResource> resources = [];

    // Per service and type, oldest change first. Every placing is stamped later than any before (under the gate), so a
    // new version is appended and a page is found by a binary search, not by sorting everything.
    private readonly Dictionary<(NationalService, string Type), List<SandboxResource>> byChange = [];

    // Patients made up for a CPR a service holds resources about but knows no Patient of (PatientWithCpr).
    private readonly Dictionary<(NationalService, string Id), SandboxResource> madeUpPatients = [];
    private DateTimeOffset lastStamp = DateTimeOffset.MinValue;

    public int Count
    {
        get
        {
            lock (gate)
                return resources.Count;
        }
    }

    /// <summary>Places (or replaces, as a new version) a resource; <paramref name="patientCpr"/> is the CPR of the patient it is about, which patient searches find it by.</summary>
    public SandboxResource Place(NationalService service, string json, string? patientCpr = null)
    {
        var node = JsonNode.Parse(json) as JsonObject ?? throw new ArgumentException("A resource is a JSON object.", nameof(json));
        var type = node["resourceType"]?.GetValue<string>() ?? throw new ArgumentException("A resource has a resourceType.", nameof(json));
        var id = node["id"]?.GetValue<string>() ?? Guid.NewGuid().ToString();
        node["id"] = id;
        if (node["meta"] is not JsonObject meta)
        {
            meta = [];
            node["meta"] = meta;
        }
        var identifiers = IdentifiersOf(node);
        lock (gate)
        {
            var updated = NextStamp();
            var earlier = resources.GetValueOrDefault((service, type, id));
            var version = earlier is null ? 1 : earlier.Version + 1;
            meta["versionId"] = version.ToString(CultureInfo.InvariantCulture);
            meta["lastUpdated"] = updated.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
            var resource = new SandboxResource(service, type, id, version, updated, node.ToJsonString(), patientCpr, identifiers);
            resources[(service, type, id)] = resource;
            if (!byChange.TryGetValue((service, type), out var ordered))
                byChange[(service, type)] = ordered = [];
            if (earlier is not null)
                ordered.RemoveAt(FirstChangedAtOrAfter(ordered, earlier.LastUpdated));
            ordered.Add(resource);
            return resource;
        }
    }

    public SandboxResource? Read(NationalService service, string type, string id)
    {
        lock (gate)
            return resources.GetValueOrDefault((service, type, id)) ?? (type == "Patient" ? madeUpPatients.GetValueOrDefault((service, id)) : null);
    }

    /// <summary>The service's resources of a type, oldest change first (a copy: placing more does not change it).</summary>
    public IReadOnlyList<SandboxResource> All(NationalService service, string type)
    {
        lock (gate)
            return byChange.TryGetValue((service, type), out var ordered) ? [.. ordered] : [];
    }

    /// <summary>
    /// Up to <paramref name="count"/> of the service's resources of a type changed at or after <paramref name="from"/>
    /// (all when null) that <paramref name="matches"/>, oldest change first. It costs the page, not the store: where the
    /// page starts is found by a binary search.
    /// </summary>
    public List<SandboxResource> Page(NationalService service, string type, DateTimeOffset? from, Func<SandboxResource, bool> matches, int count)
    {
        var page = new List<SandboxResource>();
        lock (gate)
        {
            if (!byChange.TryGetValue((service, type), out var ordered))
                return page;
            for (var i = from is { } start ? FirstChangedAtOrAfter(ordered, start) : 0; i < ordered.Count && page.Count < count; i++)
            {
                if (matches(ordered[i]))
                    page.Add(ordered[i]);
            }
        }
        return page;
    }

    /// <summary>
    /// The patient with this CPR as a service knows them (what <c>Patient?identifier=…</c> answers, so that the service's
    /// resources can then be searched by <c>patient=Patient/{id}</c>): the service's own Patient; else the person
    /// register's, which the sandbox's services share; else, when the service holds resources about the CPR, a minimal
    /// Patient made up once, with an id that does not show the CPR. Null when the service knows nothing of them.
    /// </summary>
    public SandboxResource? PatientWithCpr(NationalService service, string cpr)
    {
        lock (gate)
        {
            if ((KnownPatient(service, cpr) ?? KnownPatient(NationalService.Person, cpr)) is { } known)
                return known;
            var id = MadeUpPatientId(cpr);
            if (madeUpPatients.TryGetValue((service, id), out var madeUp))
                return madeUp;
            if (!resources.Values.Any(r => r.Service == service && r.PatientCpr == cpr))
                return null;
            var updated = NextStamp();
            var json = new JsonObject
            {
                ["resourceType"] = "Patient",
                ["id"] = id,
                ["meta"] = new JsonObject
                {
                    ["versionId"] = "1",
                    ["lastUpdated"] = updated.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
                },
                ["identifier"] = new JsonArray(new JsonObject { ["system"] = DkIdentifiers.Cpr, ["value"] = cpr }),
            };
            madeUp = new SandboxResource(service, "Patient", id, 1, updated, json.ToJsonString(), cpr, [$"{DkIdentifiers.Cpr}|{cpr}"]);
            madeUpPatients[(service, id)] = madeUp;
            return madeUp;
        }
    }

    /// <summary>The CPR of the patient a service knows by this id (see <see cref="PatientWithCpr"/>); null when it knows none.</summary>
    public string? CprOfPatient(NationalService service, string id)
    {
        lock (gate)
        {
            var patient = resources.GetValueOrDefault((service, "Patient", id))
                ?? resources.GetValueOrDefault((NationalService.Person, "Patient", id))
                ?? madeUpPatients.GetValueOrDefault((service, id));
            return patient is null ? null : CprOf(patient);
        }
    }

    private SandboxResource? KnownPatient(NationalService service, string cpr) =>
        byChange.GetValueOrDefault((service, "Patient"))?.FirstOrDefault(p => CprOf(p) == cpr);

    private static string? CprOf(SandboxResource patient) =>
        patient.Identifiers.Select(i => i.Split('|')).FirstOrDefault(i => i is [DkIdentifiers.Cpr or DkIdentifiers.XeCpr, _])?[1];

    private static string MadeUpPatientId(string cpr) =>
        "person-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("sandbox patient " + cpr)))[..16];

    /// <summary>The index of the first resource changed at or after <paramref name="at"/> (the count when none).</summary>
    private static int FirstChangedAtOrAfter(List<SandboxResource> ordered, DateTimeOffset at)
    {
        var (low, high) = (0, ordered.Count);
        while (low < high)
        {
            var middle = low + (high - low) / 2;
            if (ordered[middle].LastUpdated < at)
                low = middle + 1;
            else
                high = middle;
        }
        return low;
    }

    private DateTimeOffset NextStamp()
    {
        var now = clock.GetUtcNow();
        // Whole milliseconds (what the JSON carries), always later than the one before.
        now = new DateTimeOffset(now.Ticks - now.Ticks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero);
        lastStamp = now > lastStamp ? now : lastStamp.AddMilliseconds(1);
        return lastStamp;
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
