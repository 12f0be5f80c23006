using System.Diagnostics;
using System.Globalization;
using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Common;
using CareWorkspace.Domain.Patients;
using CareWorkspace.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CareWorkspace.PathwayLatency;

/// <summary>The size of a mixed load: <c>--mixed 2000/500/300</c> is circuits / patients / inboxes.</summary>
internal sealed record MixedSize(int Circuits, int Patients, int Inboxes, int EditsPerSecond, int Seconds)
{
    public const int ConferenceViewers = 12;
    public const int MaxViewersPerPatient = 8;

    public static MixedSize Parse(string text, int editsPerSecond, int seconds)
    {
        var parts = text.Split('/');
        if (parts.Length != 3 || !parts.All(p => int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out _)))
            throw new ArgumentException($"--mixed wants circuits/patients/inboxes, e.g. 2000/500/300, not '{text}'.");
        var (circuits, patients, inboxes) = (int.Parse(parts[0], CultureInfo.InvariantCulture), int.Parse(parts[1], CultureInfo.InvariantCulture),
            int.Parse(parts[2], CultureInfo.InvariantCulture));
        if (patients < 2 || circuits < ConferenceViewers + patients - 1 || circuits > ConferenceViewers + (patients - 1) * MaxViewersPerPatient)
            throw new ArgumentException($"--mixed {text}: every patient needs a viewer, the conference {ConferenceViewers}, the others at most {MaxViewersPerPatient}.");
        return new MixedSize(circuits, patients, inboxes, editsPerSecond, seconds);
    }

    public override string ToString() => $"{Circuits} circuits over {Patients} patients, {Inboxes} inboxes, {EditsPerSecond} edits/s for {Seconds} s";
}

/// <summary>What the mixed load measured.</summary>
internal sealed record MixedResult(MixedSize Size, string Spread, int Edits, int FailedEdits, Stats Latency, int Misses, Stats Conference,
    double CpuCores, Stats GcHeapMb, Stats ResidentMb, string Load);

/// <summary>
/// A day on a busy ward: the app in its own process (<c>--serve-mixed N</c>) with N extra patients whose care teams
/// hold the demo viewers' organisations; headless circuits on their care team tabs (one "discharge conference" patient
/// with 12 viewers, the others 1 or more), inbox circuits open, and edits at a steady rate on random patients made
/// inside the app's process through <c>CareTeamService</c>. Edit → visible per viewer of the edited patient, and the
/// app process' CPU (CPU time / wall time) and memory while the edits run.
/// </summary>
internal static class MixedLoad
{
    private const string PatientsLine = "PATIENTS ";

    public static async Task<MixedResult> RunAsync(MixedSize size, Options options)
    {
        using var server = ServedApp.Start("--serve-mixed", size.Patients.ToString(CultureInfo.InvariantCulture));
        var patients = (await server.ReadLineAsync(PatientsLine, TimeSpan.FromMinutes(5)))[PatientsLine.Length..]
            .Split(',').Select(Guid.Parse).ToArray();
        Console.WriteLine($"-- mixed load: {size}; app served on {server.BaseAddress} (process {server.ProcessId}); load {Machine.Load()}");

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = "/usr/bin/chromium", Headless = true, Args = Bench.ChromiumArgs });
        var logins = new LoginStates(browser, server.BaseAddress);

        var viewersPerPatient = Spread(size, new Random(7));
        var spread = string.Join(", ", viewersPerPatient.Skip(1).GroupBy(c => c).OrderBy(g => g.Key).Select(g => $"{g.Count()} with {g.Key}"))
            + $"; 1 conference patient with {viewersPerPatient[0]}";
        Console.WriteLine($"   patients: {spread}");
        var specs = new List<(string, string, string)>();
        var patientOf = new List<Guid>();
        for (var p = 0; p < patients.Length; p++)
        {
            for (var v = 0; v < viewersPerPatient[p]; v++)
            {
                specs.Add(($"patients/{patients[p]}/care-team", "care-team-row", Users.Viewers[(p + v) % Users.Viewers.Count]));
                patientOf.Add(patients[p]);
            }
        }
        var opening = Stopwatch.StartNew();
        var circuits = await CircuitViewers.StartManyAsync(server.BaseAddress, specs, logins);
        var inboxes = await CircuitViewers.StartManyAsync(server.BaseAddress,
            [.. Enumerable.Range(0, size.Inboxes).Select(i => ("inbox", "inbox", Users.Viewers[i % Users.Viewers.Count]))], logins);
        Console.WriteLine($"   {circuits.Length} pathway and {inboxes.Length} inbox circuits open after {opening.Elapsed.TotalSeconds:F0} s; load {Machine.Load()}");
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(5));
            var byPatient = patientOf.Select((id, i) => (id, circuits[i])).ToLookup(x => x.id, x => x.Item2);
            return await MeasureAsync(server, size, spread, byPatient, patients[0], options);
        }
        finally
        {
            foreach (var circuit in circuits.Concat(inboxes))
                await circuit.DisposeAsync();
        }
    }

    private static async Task<MixedResult> MeasureAsync(ServedApp server, MixedSize size, string spread, ILookup<Guid, HeadlessCircuit> byPatient,
        Guid conference, Options options)
    {
        var edits = new List<(Guid Patient, string Marker, long At)>();
        var failed = 0;
        var heap = new List<double>();
        var resident = new List<double>();
        var loads = new List<double>();
        var cpuBefore = server.CpuTime;
        var wall = Stopwatch.StartNew();
        await server.SendAsync($"RUN {size.EditsPerSecond} {size.Seconds}");
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(size.Seconds + 120));
        await foreach (var line in server.ReadAllAsync(cancel.Token))
        {
            var parts = line.Split(' ');
            if (parts[0] == "EDIT")
                edits.Add((Guid.Parse(parts[1]), parts[2], long.Parse(parts[3], CultureInfo.InvariantCulture)));
            else if (parts[0] == "EDITFAIL")
                failed++;
            else if (parts[0] == "STATS")
            {
                heap.Add(double.Parse(parts[1], CultureInfo.InvariantCulture) / 1048576.0);
                resident.Add(double.Parse(parts[2], CultureInfo.InvariantCulture) / 1048576.0);
                loads.Add(Machine.LoadValue());
            }
            else if (parts[0] == "DONE")
                break;
        }
        var cpu = (server.CpuTime - cpuBefore).TotalSeconds / wall.Elapsed.TotalSeconds;
        // The last edits still fan out: give them the per-edit timeout before counting misses.
        await Task.Delay(options.TimeoutMs);

        var latencies = new List<double>();
        var conferenceLatencies = new List<double>();
        var misses = 0;
        foreach (var patientEdits in edits.GroupBy(e => e.Patient))
        {
            var ordered = patientEdits.OrderBy(e => e.At).ToList();
            foreach (var circuit in byPatient[patientEdits.Key])
            {
                // An edit is visible once its marker, or a later edit's marker that replaced it, has arrived: a viewer
                // whose re-renders merged two quick edits of the same patient shows only the later one.
                long? visibleAt = null;
                for (var e = ordered.Count - 1; e >= 0; e--)
                {
                    if (circuit.SeenAt(ordered[e].Marker) is { } seen && (visibleAt is null || seen < visibleAt))
                        visibleAt = seen;
                    if (visibleAt is { } at)
                    {
                        latencies.Add(at - ordered[e].At);
                        if (patientEdits.Key == conference)
                            conferenceLatencies.Add(at - ordered[e].At);
                    }
                    else
                        misses++;
                }
            }
        }
        var result = new MixedResult(size, spread, edits.Count, failed, new Stats(latencies), misses, new Stats(conferenceLatencies), cpu,
            new Stats(heap), new Stats(resident), loads.Count == 0 ? Machine.Load() : string.Create(CultureInfo.InvariantCulture, $"{loads.Min():F1}–{loads.Max():F1}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"   {edits.Count} edits ({failed} failed): p50 {result.Latency.P50:F0} ms, p95 {result.Latency.P95:F0} ms, p99 {result.Latency.P99:F0} ms, "
            + $"misses {misses}; app CPU {cpu:F2} cores; GC heap max {result.GcHeapMb.Max:F0} MiB, RSS max {result.ResidentMb.Max:F0} MiB"));
        return result;
    }

    public static string Table(MixedResult r) => string.Join(Environment.NewLine,
        "| Load | Edits (failed) | Samples | p50 | p95 | p99 | max | Misses | Conference patient p50 / p95 | App CPU (cores of 2) | GC heap mean / max | RSS mean / max | Load (1 min) during |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|",
        string.Create(CultureInfo.InvariantCulture,
            $"| {r.Size} | {r.Edits} ({r.FailedEdits}) | {r.Latency.Count} | {r.Latency.P50:F0} ms | {r.Latency.P95:F0} ms | {r.Latency.P99:F0} ms | {r.Latency.Max:F0} ms | {r.Misses} | "
            + $"{(r.Conference.Count == 0 ? "no edit" : $"{r.Conference.P50:F0} / {r.Conference.P95:F0} ms")} | {r.CpuCores:F2} | {r.GcHeapMb.Mean:F0} / {r.GcHeapMb.Max:F0} MiB | {r.ResidentMb.Mean:F0} / {r.ResidentMb.Max:F0} MiB | {r.Load} |"),
        "",
        $"Viewers per patient: {r.Spread}.");

    /// <summary>Viewers per patient: the first is the discharge conference; every other patient has 1 to 8, most 2–6.</summary>
    private static int[] Spread(MixedSize size, Random random)
    {
        var counts = new int[size.Patients];
        counts[0] = MixedSize.ConferenceViewers;
        for (var p = 1; p < counts.Length; p++)
            counts[p] = 1;
        var left = size.Circuits - counts.Sum();
        while (left > 0)
        {
            var p = 1 + random.Next(counts.Length - 1);
            if (counts[p] >= MixedSize.MaxViewersPerPatient)
                continue;
            counts[p]++;
            left--;
        }
        return counts;
    }

    /// <summary>The <c>--serve-mixed N</c> side: the app with N extra patients, edits on request.</summary>
    public static async Task<int> ServeAsync(int patientCount)
    {
        await using var app = await BenchApp.StartAsync(forcedGc: true);
        var jens = await Editor.CreateAsync(app.Services);
        var patients = await SeedAsync(app.Services, jens.PatientId, patientCount);
        Actor actor;
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<CareDbContext>>().CreateDbContextAsync())
            actor = await Editor.ActorAsync(db, Users.Editor);
        Console.WriteLine($"{ServedApp.ReadyLine}{app.BaseAddress} {jens.PatientId}");
        Console.WriteLine(PatientsLine + string.Join(',', patients));
        while (await Console.In.ReadLineAsync() is { } line)
        {
            var parts = line.Split(' ');
            if (parts is ["RUN", var rate, var seconds])
                await EditAsync(app.Services, actor, patients, int.Parse(rate, CultureInfo.InvariantCulture), int.Parse(seconds, CultureInfo.InvariantCulture));
        }
        return 0;
    }

    /// <summary>
    /// <paramref name="count"/> patients with Jens' care team (hospital, home care, rehabilitation, GP), so every
    /// demo viewer may read their care team tab; written straight through the app's DbContext in batches.
    /// </summary>
    private static async Task<List<Guid>> SeedAsync(IServiceProvider services, Guid jensId, int count)
    {
        var dbFactory = services.GetRequiredService<IDbContextFactory<CareDbContext>>();
        var today = CopenhagenTime.Today(TimeProvider.System);
        List<(Guid Organisation, CareTeamRole Role)> team;
        Guid gp;
        await using (var db = await dbFactory.CreateDbContextAsync())
        {
            var jens = await db.Patients.AsNoTracking().SingleAsync(p => p.Id == jensId);
            gp = jens.GpOrganisationId!.Value;
            team = [.. jens.CareTeam.Where(m => m.IsActiveOn(today) && m.Role != CareTeamRole.GeneralPractitioner).Select(m => (m.OrganisationId, m.Role))];
        }
        var ids = new List<Guid>();
        for (var start = 0; start < count; start += 100)
        {
            await using var db = await dbFactory.CreateDbContextAsync();
            for (var i = start; i < Math.Min(count, start + 100); i++)
            {
                var born = new DateOnly(1940 + i / 336 % 50, 1 + i / 28 % 12, 1 + i % 28);
                var patient = new Patient("Bench", $"Patient {i + 1}", Cpr.Parse($"{born:ddMMyy}3998", today));
                patient.AssignGp(gp, today.AddYears(-1));
                foreach (var (organisation, role) in team)
                    patient.JoinCareTeam(organisation, role, new Period(today.AddDays(-7)));
                db.Patients.Add(patient);
                ids.Add(patient.Id);
            }
            await db.SaveChangesAsync();
        }
        return ids;
    }

    /// <summary>Open loop: an edit starts every 1/rate s whether or not the previous ones finished.</summary>
    private static async Task EditAsync(IServiceProvider services, Actor actor, IReadOnlyList<Guid> patients, int rate, int seconds)
    {
        var random = new Random(11);
        var running = new List<Task>();
        using var done = new CancellationTokenSource();
        var stats = ReportStatsAsync(done.Token);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < rate * seconds; i++)
        {
            var due = TimeSpan.FromSeconds((double)i / rate);
            if (due > clock.Elapsed)
                await Task.Delay(due - clock.Elapsed);
            // One edit a second goes to the discharge conference (the first patient, 12 viewers), the rest at random.
            var patient = i % rate == 0 ? patients[0] : patients[random.Next(patients.Count)];
            running.Add(EditOneAsync(services, actor, patient));
        }
        await Task.WhenAll(running);
        await done.CancelAsync();
        await stats;
        Console.WriteLine("DONE");
    }

    private static async Task EditOneAsync(IServiceProvider services, Actor actor, Guid patient)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var commit = await Editor.ChangePersonNameAsync(services, actor, patient, null, Markers.Next());
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"EDIT {patient} {commit.Marker} {commit.CommittedAtUnixMs}"));
                return;
            }
            catch (Exception) when (attempt < 3)
            {
                // Two edits of the same patient at once: the second meets a stale version, as a person would; try again.
            }
            catch (Exception ex)
            {
                Console.WriteLine($"EDITFAIL {patient} {ex.GetType().Name}");
                return;
            }
        }
    }

    private static async Task ReportStatsAsync(CancellationToken done)
    {
        while (!done.IsCancellationRequested)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"STATS {GC.GetGCMemoryInfo().HeapSizeBytes} {Environment.WorkingSet}"));
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(1), done);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
