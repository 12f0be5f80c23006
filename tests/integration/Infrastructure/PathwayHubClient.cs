using System.Collections.Concurrent;
using System.Text.Json;
using CareWorkspace.Domain.Access;
using CareWorkspace.Web.Features.Pathway;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace CareWorkspace.IntegrationTests.Infrastructure;

/// <summary>A non-Blazor client of /hubs/pathway on a test host, signed in by its auth cookie (or anonymous).</summary>
public sealed class PathwayHubClient : IAsyncDisposable
{
    private readonly ConcurrentQueue<JsonElement> _received = new();
    private readonly List<(Func<JsonElement, bool> Match, TaskCompletionSource<JsonElement> Arrived)> _waiters = [];
    private readonly object _gate = new();

    public PathwayHubClient(CareAppFactory factory, string? cookie)
    {
        Connection = new HubConnectionBuilder()
            .WithUrl(new Uri(factory.Server.BaseAddress, PathwayHub.Path), o =>
            {
                o.Transports = HttpTransportType.LongPolling;
                o.HttpMessageHandlerFactory = _ => factory.Server.CreateHandler();
                if (cookie is not null)
                    o.Headers["Cookie"] = cookie;
            })
            .Build();
        Connection.On<JsonElement>(PathwayHubBridge.AccessEndedMethod, notice =>
        {
            if (PatientIdOf(notice) is { } patientId)
                AccessEnded.TrySetResult(patientId);
        });
        Connection.On<JsonElement>(PathwayHub.ChangedMethod, notice =>
        {
            _received.Enqueue(notice);
            lock (_gate)
            {
                foreach (var waiter in _waiters.Where(w => w.Match(notice)))
                    waiter.Arrived.TrySetResult(notice);
            }
        });
    }

    public HubConnection Connection { get; }

    /// <summary>Completes with the patient id when the server says this connection's access to a patient has ended.</summary>
    public TaskCompletionSource<Guid> AccessEnded { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Every notice received so far, as the JSON the server sent.</summary>
    public IReadOnlyCollection<JsonElement> Received => _received;

    /// <summary>Waits for a PathwayChanged notice for this patient and section.</summary>
    public async Task<JsonElement> NoticeAsync(Guid patientId, PatientSection section, CancellationToken ct)
    {
        var arrived = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        bool Match(JsonElement n) => PatientIdOf(n) == patientId && SectionOf(n) == section;
        lock (_gate)
        {
            _waiters.Add((Match, arrived));
            foreach (var notice in _received.Where(Match))
                arrived.TrySetResult(notice);
        }
        try
        {
            return await arrived.Task.WaitAsync(PathwayTestData.SignalTimeout, ct);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"No {PathwayHub.ChangedMethod} notice for {section} of {patientId} within {PathwayTestData.SignalTimeout.TotalSeconds:0} s; " +
                $"received: [{string.Join(", ", _received.Select(n => n.GetRawText()))}]");
        }
    }

    public static Guid? PatientIdOf(JsonElement notice) =>
        notice.TryGetProperty("patientId", out var id) && id.TryGetGuid(out var guid) ? guid : null;

    /// <summary>The section, whether the server sends the enum as a number or as its name.</summary>
    public static PatientSection? SectionOf(JsonElement notice)
    {
        if (!notice.TryGetProperty("section", out var section))
            return null;
        return section.ValueKind switch
        {
            JsonValueKind.Number => (PatientSection)section.GetInt32(),
            JsonValueKind.String when Enum.TryParse<PatientSection>(section.GetString(), ignoreCase: true, out var parsed) => parsed,
            _ => null,
        };
    }

    public async ValueTask DisposeAsync() => await Connection.DisposeAsync();
}
