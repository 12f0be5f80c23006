using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text.Json;
using CareWorkspace.Domain.NationalSync;
using Microsoft.Extensions.Logging;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace CareWorkspace.Infrastructure.NationalServices;

/// <summary>
/// Reads searches from one national service over its resilient HttpClient, a page at a time (memory stays bounded by
/// one page). The Bundle is split by hand and each entry parsed strictly on its own, so one invalid resource is
/// rejected with its reason while the rest of the page is imported (Firely's FhirClient would refuse the whole page).
/// Refused outright: an unreachable, slow or failing service, a body that is not JSON or bigger than the limit, and a
/// <c>next</c> link that leaves the service.
/// </summary>
public sealed class FhirSearchReader(HttpClient http, NationalService service, Uri baseUrl, long maxBodyBytes, ILogger logger)
{
    public NationalService Service => service;

    /// <summary>A search or read relative to the service's base URL ("Patient?identifier=…").</summary>
    public Uri Url(string query) => new(baseUrl, query);

    /// <summary>Every page of the search <paramref name="query"/> (e.g. "Bundle?_lastUpdated=ge…"), following next links.</summary>
    public async IAsyncEnumerable<FhirPage> SearchAsync(string query, [EnumeratorCancellation] CancellationToken ct)
    {
        Uri? url = Url(query);
        while (url is not null)
        {
            var page = await ReadPageAsync(url, ct);
            yield return page;
            url = page.Next;
        }
    }

    /// <summary>
    /// Every page of the search <paramref name="query"/>, following next links, each entry parsed strictly and turned
    /// into a <typeparamref name="T"/> by <paramref name="map"/> as it is read. Bounded memory: a page holds its items,
    /// not the Firely resources they were read from (each is dropped once mapped) nor a copy of each entry's JSON; an
    /// item's <see cref="Provenance.Json"/> is read from the page's parsed answer (pooled buffers) when asked for, until
    /// the caller asks for the next page, which frees it.
    /// </summary>
    internal async IAsyncEnumerable<NationalPage<T>> SearchAsync<T>(string query, PageMapping.TryMap<T> map, [EnumeratorCancellation] CancellationToken ct)
    {
        Uri? url = Url(query);
        while (url is not null)
        {
            using var document = await GetJsonAsync(url, ct);
            var (items, rejected, next) = ReadEntries(document.RootElement, map, payloadsStayOpen: true);
            yield return new NationalPage<T>(items, rejected);
            url = next;
        }
    }

    public async Task<FhirPage> ReadPageAsync(Uri url, CancellationToken ct)
    {
        using var document = await GetJsonAsync(url, ct);
        var (entries, rejected, next) = ReadEntries(document.RootElement,
            (Hl7.Fhir.Model.Resource resource, out Hl7.Fhir.Model.Resource? item, out string reason) =>
            {
                item = resource;
                reason = "";
                return true;
            },
            payloadsStayOpen: false);
        return new FhirPage(entries, rejected, next);
    }

    /// <summary>
    /// The Bundle's entries, each parsed strictly from its own bytes of the answer and mapped at once; a rejected
    /// entry keeps its JSON as text. With <paramref name="payloadsStayOpen"/> an item's JSON is read from the answer
    /// only when asked for (the answer must then stay open while the items are used); otherwise it is copied now.
    /// </summary>
    private (List<(T, Provenance)> Items, List<RejectedEntry> Rejected, Uri? Next) ReadEntries<T>(JsonElement root, PageMapping.TryMap<T> map, bool payloadsStayOpen)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("resourceType", out var type) || type.GetString() != "Bundle")
            throw Fail(NationalServiceFailure.Malformed, "the answer is not a FHIR Bundle");
        var items = new List<(T, Provenance)>();
        var rejected = new List<RejectedEntry>();
        if (root.TryGetProperty("entry", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var entry in list.EnumerateArray())
            {
                if (entry.ValueKind != JsonValueKind.Object || !entry.TryGetProperty("resource", out var resource))
                    continue;
                var sourceId = SourceIdOf(resource);
                if (!StrictFhirParser.TryParse(JsonMarshal.GetRawUtf8Value(resource), out var parsed, out var reason)
                    || !map(parsed!, out var item, out reason))
                {
                    logger.LogWarning("National service {Service}: {SourceId} rejected: {Reason}", service, sourceId, reason);
                    rejected.Add(new RejectedEntry(sourceId, reason, resource.GetRawText()));
                    continue;
                }
                var (version, updated) = (parsed!.Meta?.VersionId, parsed.Meta?.LastUpdated);
                items.Add((item!, payloadsStayOpen
                    ? new Provenance(sourceId, version, updated, resource)
                    : new Provenance(sourceId, version, updated, resource.GetRawText())));
            }
        }
        return (items, rejected, NextLink(root));
    }

    private async Task<JsonDocument> GetJsonAsync(Uri url, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/fhir+json"));
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        }
        catch (TimeoutRejectedException ex)
        {
            throw Fail(NationalServiceFailure.Timeout, "no answer within the time allowed", ex);
        }
        catch (BrokenCircuitException ex)
        {
            throw Fail(NationalServiceFailure.Unreachable, "failing repeatedly; not asked again for a while (circuit open)", ex);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException)
        {
            throw Fail(NationalServiceFailure.Unreachable, "could not be reached: " + ex.Message, ex);
        }
        catch (OperationCanceledException ex) when (!ct.IsCancellationRequested)
        {
            // HttpClient's own timeout carries a TimeoutException; anything else cancelled the request under us (a dropped connection).
            throw ex.InnerException is TimeoutException
                ? Fail(NationalServiceFailure.Timeout, "no answer within the time allowed", ex)
                : Fail(NationalServiceFailure.Unreachable, "the connection was dropped without an answer", ex);
        }
        using (response)
        {
            if (!response.IsSuccessStatusCode)
                throw Fail(NationalServiceFailure.ServerError, $"answered HTTP {(int)response.StatusCode} ({response.StatusCode})");
            if (response.Content.Headers.ContentLength > maxBodyBytes)
                throw Fail(NationalServiceFailure.TooLarge, $"the answer is {response.Content.Headers.ContentLength} bytes, more than the {maxBodyBytes} bytes allowed");
            return await ParseLimitedAsync(response, ct);
        }
    }

    /// <summary>
    /// Parses the answer as it arrives, into pooled buffers (a page is never copied whole into a buffer of its own), and
    /// refuses it as soon as it passes the size limit.
    /// </summary>
    private async Task<JsonDocument> ParseLimitedAsync(HttpResponseMessage response, CancellationToken ct)
    {
        try
        {
            await using var body = new LimitedReadStream(await response.Content.ReadAsStreamAsync(ct), maxBodyBytes);
            return await JsonDocument.ParseAsync(body, cancellationToken: ct);
        }
        catch (LimitedReadStream.TooLongException)
        {
            throw Fail(NationalServiceFailure.TooLarge, $"the answer is more than the {maxBodyBytes} bytes allowed");
        }
        catch (JsonException ex)
        {
            throw Fail(NationalServiceFailure.Malformed, "the answer is not valid JSON: " + ex.Message, ex);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException)
        {
            throw Fail(NationalServiceFailure.Unreachable, "the answer broke off: " + ex.Message, ex);
        }
        catch (OperationCanceledException ex) when (!ct.IsCancellationRequested)
        {
            throw Fail(NationalServiceFailure.Timeout, "no answer within the time allowed", ex);
        }
    }

    private Uri? NextLink(JsonElement bundle)
    {
        if (!bundle.TryGetProperty("link", out var links) || links.ValueKind != JsonValueKind.Array)
            return null;
        foreach (var link in links.EnumerateArray())
        {
            if (link.ValueKind != JsonValueKind.Object || !link.TryGetProperty("relation", out var relation) || relation.GetString() != "next"
                || !link.TryGetProperty("url", out var value) || value.GetString() is not { Length: > 0 } text)
                continue;
            if (!Uri.TryCreate(baseUrl, text, out var next) || !IsWithinService(next))
                throw Fail(NationalServiceFailure.ForeignNextLink, $"a next link points away from the service ({text}); not followed");
            return next;
        }
        return null;
    }

    /// <summary>The same scheme, host and port as the base URL, and under its path.</summary>
    private bool IsWithinService(Uri next) =>
        Uri.Compare(next, baseUrl, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0
        && next.AbsolutePath.StartsWith(baseUrl.AbsolutePath, StringComparison.Ordinal);

    private static string SourceIdOf(JsonElement resource)
    {
        var type = resource.ValueKind == JsonValueKind.Object && resource.TryGetProperty("resourceType", out var t) && t.ValueKind == JsonValueKind.String
            ? t.GetString()
            : null;
        var id = resource.ValueKind == JsonValueKind.Object && resource.TryGetProperty("id", out var i) && i.ValueKind == JsonValueKind.String
            ? i.GetString()
            : null;
        var text = $"{type ?? "Unknown"}/{id ?? "(no id)"}";
        return text.Length <= ImportedItem.SourceIdMaxLength ? text : text[..ImportedItem.SourceIdMaxLength];
    }

    private NationalServiceException Fail(NationalServiceFailure failure, string reason, Exception? inner = null)
    {
        logger.LogWarning("National service {Service} at {BaseUrl}: {Reason}", service, baseUrl, reason);
        return new NationalServiceException(service, failure, reason, inner);
    }

    /// <summary>A <c>_lastUpdated</c> search value ("ge2026-11-29T10:42:00.000Z"); the runs repeat the edge (ge) and rely on idempotency.</summary>
    public static string Since(DateTimeOffset since) =>
        "ge" + since.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static string Escape(string value) => WebUtility.UrlEncode(value);
}
