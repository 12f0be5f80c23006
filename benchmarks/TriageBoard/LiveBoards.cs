using System.Collections.Concurrent;
using System.Diagnostics;
using CareWorkspace.Benchmarks;
using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Triage;
using CareWorkspace.Infrastructure.Access;
using CareWorkspace.Infrastructure.Live;
using CareWorkspace.Infrastructure.Realtime;
using CareWorkspace.Infrastructure.Triage;
using CareWorkspace.Web.Features.TriageBoard;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CareWorkspace.TriageBoardBenchmark;

/// <summary>
/// A new change form reaching the open boards of its unit (each with its own scope and renderer, as a circuit has),
/// while as many boards of another unit stay open: commit → the board read again (shared) → its cards re-rendered.
/// </summary>
internal sealed class LiveBoards(IServiceProvider services, Actor viewer, Guid unitId, Actor otherViewer, Guid otherUnitId, int changes)
{
    public const int OpenBoards = 50;

    /// <param name="Noticed">Change form started → the first board told of the change (the write and its commit).</param>
    /// <param name="Read">Change form started → each board's board read and access record done (before rendering).</param>
    /// <param name="CpuPerBoard">Process CPU per board per change (everything the process did, divided by the boards told).</param>
    /// <param name="RecordCommits">Access-record group commits per change.</param>
    public sealed record Result(Percentiles Latency, Percentiles LastBoard, int OtherUnitNotices, long OtherUnitReads, long OwnUnitReads,
        Percentiles Noticed, Percentiles Read, double CpuPerBoard, double RecordCommits);

    /// <summary>How the warm-up before the measured changes went (<see cref="JitQuiet"/>).</summary>
    public string WarmUp { get; private set; } = "";

    public async Task<Result> MeasureAsync(Actor worker, IReadOnlyList<Guid> citizens)
    {
        var notifier = services.GetRequiredService<IPathwayNotifier>();
        var reads = services.GetRequiredService<SharedReads>();
        var round = new ConcurrentBag<double>();
        var readRound = new ConcurrentBag<double>();
        var noticed = new List<double>();
        var read = new List<double>();
        var firstNotice = long.MaxValue;
        var writer = services.GetRequiredService<AccessRecordWriter>();
        var latencies = new List<double>();
        var lastBoard = new List<double>();
        CountdownEvent? arrived = null;
        var otherNotices = 0;
        var subscriptions = new List<IDisposable>();
        var boards = new List<OpenBoard>();
        try
        {
            for (var i = 0; i < OpenBoards; i++)
            {
                boards.Add(await OpenBoard.OpenAsync(services, viewer, unitId));
                boards.Add(await OpenBoard.OpenAsync(services, otherViewer, otherUnitId));
            }
            foreach (var board in boards.Where(b => b.UnitId == unitId))
                subscriptions.Add(notifier.SubscribeNamed(AudienceKey.TriageBoardOf(unitId), async change =>
                {
                    var at = Stopwatch.GetTimestamp();
                    InterlockedMin(ref firstNotice, at);
                    await board.ReadAgainAsync(readDone => readRound.Add(Stopwatch.GetElapsedTime(board.Since, readDone).TotalMilliseconds));
                    round.Add(Stopwatch.GetElapsedTime(board.Since).TotalMilliseconds);
                    arrived!.Signal();
                }));
            foreach (var board in boards.Where(b => b.UnitId == otherUnitId))
                subscriptions.Add(notifier.SubscribeNamed(AudienceKey.TriageBoardOf(otherUnitId), _ =>
                {
                    Interlocked.Increment(ref otherNotices);
                    return board.ReadAgainAsync(_ => { });
                }));

            var otherKey = AudienceKey.TriageBoardOf(otherUnitId).Value + "/board";
            var ownKey = AudienceKey.TriageBoardOf(unitId).Value + "/board";
            await using var scope = services.CreateAsyncScope();
            var triage = scope.ServiceProvider.GetRequiredService<TriageService>();
            var cpu = TimeSpan.Zero;
            var commits = 0L;
            var made = 0;
            async Task ChangeAsync(bool measured)
            {
                var change = made++;
                arrived = new CountdownEvent(OpenBoards);
                round = [];
                readRound = [];
                firstNotice = long.MaxValue;
                var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
                var commitsBefore = writer.CommittedBatches;
                var started = Stopwatch.GetTimestamp();
                foreach (var board in boards)
                    board.Since = started;
                await triage.RecordAsync(worker, citizens[change % citizens.Count],
                    new ChangeFormInput([new ItemAnswer("mood", true, "Quieter than usual")], new VitalSigns(Pulse: 70 + change % 40)));
                if (!arrived.Wait(TimeSpan.FromSeconds(30)))
                    throw new TimeoutException("Not every open board heard the change within 30 s.");
                if (measured)
                {
                    cpu += Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
                    commits += writer.CommittedBatches - commitsBefore;
                    noticed.Add(Stopwatch.GetElapsedTime(started, firstNotice).TotalMilliseconds);
                    read.AddRange(readRound);
                    latencies.AddRange(round);
                    lastBoard.Add(round.Max());
                }
                await Task.Delay(200);
            }

            WarmUp = await JitQuiet.WarmUpAsync(() => ChangeAsync(measured: false), minimum: 2);
            var (otherReadsBefore, ownReadsBefore) = (reads.ReadsOf(otherKey), reads.ReadsOf(ownKey));
            Volatile.Write(ref otherNotices, 0);
            for (var change = 0; change < changes; change++)
                await ChangeAsync(measured: true);
            return new Result(Percentiles.Of(latencies), Percentiles.Of(lastBoard), otherNotices,
                reads.ReadsOf(otherKey) - otherReadsBefore, reads.ReadsOf(ownKey) - ownReadsBefore,
                Percentiles.Of(noticed), Percentiles.Of(read), cpu.TotalMilliseconds / changes / OpenBoards, (double)commits / changes);
        }
        finally
        {
            subscriptions.ForEach(s => s.Dispose());
            foreach (var board in boards)
                await board.DisposeAsync();
        }
    }

    private static void InterlockedMin(ref long location, long value)
    {
        var seen = Interlocked.Read(ref location);
        while (value < seen)
        {
            var was = Interlocked.CompareExchange(ref location, value, seen);
            if (was == seen)
                return;
            seen = was;
        }
    }

    /// <summary>One device's board: its own scope and renderer, the board it shows, re-read and re-rendered on a change.</summary>
    private sealed class OpenBoard : IAsyncDisposable
    {
        private readonly AsyncServiceScope scope;
        private readonly HtmlRenderer renderer;
        private readonly Actor viewer;
        private BoardHost host = null!;
        private TriageBoardScreen shown = null!;

        private OpenBoard(AsyncServiceScope scope, Actor viewer, Guid unitId)
        {
            this.scope = scope;
            this.viewer = viewer;
            UnitId = unitId;
            renderer = new HtmlRenderer(scope.ServiceProvider, scope.ServiceProvider.GetRequiredService<ILoggerFactory>());
        }

        public Guid UnitId { get; }

        /// <summary>When the change being measured was started (a <see cref="Stopwatch"/> timestamp).</summary>
        public long Since { get; set; }

        public static async Task<OpenBoard> OpenAsync(IServiceProvider services, Actor viewer, Guid unitId)
        {
            var board = new OpenBoard(services.CreateAsyncScope(), viewer, unitId);
            board.shown = await board.Boards.GetAsync(viewer, unitId);
            await board.renderer.Dispatcher.InvokeAsync(async () =>
            {
                await board.renderer.RenderComponentAsync<BoardHost>(ParameterView.FromDictionary(new Dictionary<string, object?>
                {
                    [nameof(BoardHost.Opened)] = (Action<BoardHost>)(h => board.host = h),
                }));
                board.host.Show(board.shown);
            });
            return board;
        }

        private TriageBoardService Boards => scope.ServiceProvider.GetRequiredService<TriageBoardService>();

        /// <param name="read">Told the moment the board is read (with its access record durable), before it is rendered.</param>
        public async Task ReadAgainAsync(Action<long> read)
        {
            shown = await Boards.GetAsync(viewer, UnitId, shown.Board);
            read(Stopwatch.GetTimestamp());
            await renderer.Dispatcher.InvokeAsync(() => host.Show(shown));
        }

        public async ValueTask DisposeAsync()
        {
            await renderer.DisposeAsync();
            await scope.DisposeAsync();
        }
    }
}
