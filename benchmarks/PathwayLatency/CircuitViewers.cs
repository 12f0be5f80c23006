using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.DependencyInjection;

namespace CareWorkspace.PathwayLatency;

/// <summary>
/// Viewers without a browser: Blazor Server circuits driven over the circuit protocol (see
/// ../shared/docs/blazor-circuit-load.md), each on Jens' care team tab. A marker counts as seen when the
/// render batch carrying its text arrives (the DOM is not applied: there is none), so these figures leave out
/// the browser's own work of ~1 ms per batch.
/// </summary>
internal sealed class CircuitViewers(List<HeadlessCircuit> circuits) : IViewerGroup
{
    public string Kind => "headless circuits";

    public int Count => circuits.Count;

    public static Task<CircuitViewers> OpenAsync(Uri baseAddress, Guid patientId, int count, LoginStates logins) =>
        OpenAsync(baseAddress, $"patients/{patientId}/care-team", "care-team-row", count, logins);

    /// <summary>
    /// Opens <paramref name="count"/> circuits on <paramref name="path"/>, each ready once a render batch holds
    /// <paramref name="readyText"/>, as the demo viewers in turn (no sign-in when <paramref name="logins"/> is null).
    /// </summary>
    public static async Task<CircuitViewers> OpenAsync(Uri baseAddress, string path, string readyText, int count, LoginStates? logins) =>
        new([.. await StartManyAsync(baseAddress, [.. Enumerable.Range(0, count).Select(i => (path, readyText, Users.Viewers[i % Users.Viewers.Count]))], logins)]);

    /// <summary>Starts one circuit per (path, ready text, user), 8 at a time.</summary>
    public static async Task<HeadlessCircuit[]> StartManyAsync(Uri baseAddress, IReadOnlyList<(string Path, string ReadyText, string User)> specs,
        LoginStates? logins)
    {
        var cookies = new Dictionary<string, CookieContainer>();
        foreach (var user in specs.Select(s => s.User).Distinct())
            cookies[user] = logins is null ? new CookieContainer() : await logins.CookiesAsync(user);

        var circuits = new HeadlessCircuit[specs.Count];
        using var gate = new SemaphoreSlim(8);
        await Task.WhenAll(specs.Select(async (spec, i) =>
        {
            await gate.WaitAsync();
            try
            {
                circuits[i] = await HeadlessCircuit.StartAsync(baseAddress, spec.Path, spec.ReadyText, cookies[spec.User]);
            }
            finally
            {
                gate.Release();
            }
        }));
        return circuits;
    }

    public Task<long?[]> WaitForAsync(string marker, int timeoutMs) =>
        Task.WhenAll(circuits.Select(c => c.WaitForAsync(marker, timeoutMs)));

    public async ValueTask DisposeAsync()
    {
        foreach (var circuit in circuits)
            await circuit.DisposeAsync();
    }
}

/// <summary>One circuit: GET the page, connect to /_blazor, StartCircuit, add the root components, acknowledge every render batch.</summary>
internal sealed partial class HeadlessCircuit : IAsyncDisposable
{
    private readonly HubConnection hub;
    private readonly ConcurrentDictionary<string, long> seen = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource<long>> waiters = new();
    private readonly TaskCompletionSource ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConcurrentQueue<string> errors = new();

    /// <summary>JSCallResultType.JSObjectReference: the call returns an IJSObjectReference.</summary>
    private const int JSObjectReferenceResult = 1;

    private static long nextJsObject;

    private string readyText = "";
    private Uri? baseAddress;
    private CookieContainer? cookies;
    private string? secret;

    private HeadlessCircuit(HubConnection hub) => this.hub = hub;

    /// <summary>The JS functions the server asked all circuits to call, and how often (answered with null).</summary>
    public static ConcurrentDictionary<string, int> JsCalls { get; } = new();

    public IReadOnlyCollection<string> Errors => errors;

    public static async Task<HeadlessCircuit> StartAsync(Uri baseAddress, string path, string readyText, CookieContainer cookies)
    {
        var pageUri = new Uri(baseAddress, path);
        string html;
        using (var handler = new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false })
        using (var http = new HttpClient(handler))
        {
            using var response = await http.GetAsync(pageUri);
            if (response.StatusCode != HttpStatusCode.OK)
                throw new InvalidOperationException($"GET {pageUri} answered {(int)response.StatusCode}: is the cookie valid?");
            html = await response.Content.ReadAsStringAsync();
        }
        var markers = ComponentMarker().Matches(html).Select(m => JsonNode.Parse(m.Groups[1].Value)!)
            .Where(m => (string?)m["type"] == "server").ToList();
        if (markers.Count == 0)
            throw new InvalidOperationException($"{pageUri} holds no Blazor server component marker.");
        var state = ComponentState().Match(html) is { Success: true } s ? s.Groups[1].Value : "";

        var builder = new HubConnectionBuilder()
            .WithUrl(new Uri(baseAddress, "_blazor"), HttpTransportType.WebSockets, o => o.Cookies = cookies);
        builder.Services.AddSingleton<IHubProtocol, BlazorPackHubProtocol>();
        var circuit = new HeadlessCircuit(builder.Build()) { baseAddress = baseAddress, cookies = cookies, readyText = readyText };
        circuit.Listen();
        await circuit.hub.StartAsync();
        circuit.secret = await circuit.hub.InvokeAsync<string?>("StartCircuit", baseAddress.ToString(), pageUri.ToString(), "[]", state);
        if (string.IsNullOrEmpty(circuit.secret))
            throw new InvalidOperationException("StartCircuit was refused.");

        var operations = new JsonObject
        {
            ["batchId"] = 1,
            ["operations"] = new JsonArray([.. markers.Select((m, i) => (JsonNode)new JsonObject
            {
                ["type"] = "add",
                ["ssrComponentId"] = i + 1,
                ["marker"] = m,
            })]),
        };
        await circuit.hub.SendAsync("UpdateRootComponents", operations.ToJsonString(), state);
        try
        {
            await circuit.ready.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
        catch (TimeoutException)
        {
            await circuit.DisposeAsync();
            throw new InvalidOperationException($"{path} never rendered '{readyText}' in a headless circuit: {string.Join(" | ", circuit.errors)}");
        }
        return circuit;
    }

    private void Listen()
    {
        hub.On<long, byte[]>("JS.RenderBatch", async (batchId, batch) =>
        {
            var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            // The batch's string table holds every new text as UTF-8; the markers are ASCII.
            var text = Encoding.Latin1.GetString(batch);
            if (text.Contains("bench-", StringComparison.Ordinal))
            {
                foreach (Match m in MarkerText().Matches(text))
                {
                    if (seen.TryAdd(m.Value, now) && waiters.TryRemove(m.Value, out var waiter))
                        waiter.TrySetResult(now);
                }
            }
            if (text.Contains(readyText, StringComparison.Ordinal))
                ready.TrySetResult();
            await hub.SendAsync("OnRenderCompleted", batchId, null);
        });
        hub.On<long, string, string, int, long, int>("JS.BeginInvokeJS", async (handle, identifier, _, resultType, _, _) =>
        {
            // No JS here: every call succeeds with a null result, except that a call for a JS object (an "import" of a
            // module) gets a made-up object reference, so that the component's next call on it does not meet null.
            JsCalls.AddOrUpdate(identifier, 1, (_, n) => n + 1);
            if (handle == 0)
                return;
            var result = resultType == JSObjectReferenceResult ? $"{{\"__jsObjectId\":{Interlocked.Increment(ref nextJsObject)}}}" : "null";
            await hub.SendAsync("EndInvokeJSFromDotNet", handle, true, $"[{handle},true,{result}]");
        });
        hub.On<string>("JS.Error", error => errors.Enqueue(error));
        hub.Closed += ex =>
        {
            errors.Enqueue($"connection closed: {ex?.Message}");
            return Task.CompletedTask;
        };
    }

    /// <summary>When <paramref name="marker"/> first arrived in a render batch (Unix ms), if it did.</summary>
    public long? SeenAt(string marker) => seen.TryGetValue(marker, out var at) ? at : null;

    public async Task<long?> WaitForAsync(string marker, int timeoutMs)
    {
        var waiter = waiters.GetOrAdd(marker, _ => new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (seen.TryGetValue(marker, out var at))
        {
            waiters.TryRemove(marker, out _);
            return at;
        }
        try
        {
            return await waiter.Task.WaitAsync(TimeSpan.FromMilliseconds(timeoutMs));
        }
        catch (TimeoutException)
        {
            waiters.TryRemove(marker, out _);
            return seen.TryGetValue(marker, out at) ? at : null;
        }
    }

    /// <summary>
    /// Closes the connection and, as blazor.web.js does when a page goes away, tells the server to end the circuit
    /// at once: a merely disconnected circuit stays alive (and keeps re-loading on every change) for minutes.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        await hub.DisposeAsync();
        if (secret is null || baseAddress is null)
            return;
        using var handler = new HttpClientHandler { CookieContainer = cookies ?? new CookieContainer() };
        using var http = new HttpClient(handler);
        using var form = new MultipartFormDataContent { { new StringContent(secret), "circuitId" } };
        using var response = await http.PostAsync(new Uri(baseAddress, "_blazor/disconnect"), form);
    }

    [GeneratedRegex("<!--Blazor:(\\{.*?\\})-->", RegexOptions.Singleline)]
    private static partial Regex ComponentMarker();

    [GeneratedRegex("<!--Blazor-Server-Component-State:(.*?)-->", RegexOptions.Singleline)]
    private static partial Regex ComponentState();

    [GeneratedRegex("bench-\\d+")]
    private static partial Regex MarkerText();
}
