using System.Diagnostics;
using System.Globalization;
using CareWorkspace.Benchmarks;
using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Common;
using CareWorkspace.Domain.Patients;
using CareWorkspace.Domain.Triage;
using CareWorkspace.Infrastructure.Demo;
using CareWorkspace.Infrastructure.Persistence;
using CareWorkspace.Infrastructure.Realtime;
using CareWorkspace.Web.Features.TriageBoard;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using static System.FormattableString;

namespace CareWorkspace.TriageBoardBenchmark;

internal static class Benchmark
{
    private const int Citizens = 500;
    private const int Weeks = 52;
    private const int Runs = 20;
    private static readonly TimeSpan Target = TimeSpan.FromMilliseconds(300);

    public static async Task Main(string[] args)
    {
        // The triage board's server time (issue 11: a unit with 500 citizens and a year of observations within 300 ms). Usage:
        //   dotnet run -c Release --project benchmarks/TriageBoard -- [sqlite|postgresql "<connection string with a new database>"] [--changes N]
        // --changes: how many change forms are measured on the 50 open boards (default 20; more for a profile of that phase).
        using var bench = BenchRun.FromArguments(args, "triage");
        var changes = Array.IndexOf(args, "--changes") is var at and >= 0 ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : 20;
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("da-DK");

        await using var app = new BenchFactory(bench.Provider, bench.Connection, bench.Folder);
        _ = app.Services;
        var clock = app.Services.GetRequiredService<TimeProvider>();
        var (nurse, worker, unitId, citizens, observations) = await SeedAsync(app, CopenhagenTime.Today(clock));
        Console.WriteLine(Invariant($"{bench.Provider}: {Citizens} more citizens on the unit's care team, {observations} change forms over {Weeks} weeks. ") +
            Invariant($"Load: {File.ReadAllText("/proc/loadavg").Trim()}; {Collector.Name}"));

        await using var scope = app.Services.CreateAsyncScope();
        var boards = scope.ServiceProvider.GetRequiredService<TriageBoardService>();
        await using var renderer = new HtmlRenderer(scope.ServiceProvider, scope.ServiceProvider.GetRequiredService<ILoggerFactory>());
        var reads = new List<double>();
        var renders = new List<double>();
        var totals = new List<double>();
        var dataOnly = new List<double>();
        var shown = 0;
        var notifier = app.Services.GetRequiredService<IPathwayNotifier>();
        for (var run = -3; run < Runs; run++)
        {
            // A board opened right after a change to the unit: the read is not shared with an earlier one.
            notifier.PathwayChanged(new PathwayChange(citizens[0], PatientSection.Triage) { SeenBy = [AudienceKey.TriageBoardOf(unitId)] });
            var watch = Stopwatch.StartNew();
            var screen = await boards.GetAsync(nurse, unitId);
            var readMs = watch.Elapsed.TotalMilliseconds;
            var length = await renderer.Dispatcher.InvokeAsync(async () =>
            {
                var characters = 0;
                foreach (var citizen in screen.Board.Citizens)
                {
                    var card = await renderer.RenderComponentAsync<TriageBoardCard>(ParameterView.FromDictionary(new Dictionary<string, object?>
                    {
                        [nameof(TriageBoardCard.Citizen)] = citizen,
                        [nameof(TriageBoardCard.Now)] = screen.Board.AsOf,
                        [nameof(TriageBoardCard.FlagAfterDays)] = screen.FlagAfterDays,
                    }));
                    characters += card.ToHtmlString().Length;
                }
                return characters;
            });
            watch.Stop();
            shown = screen.Board.Citizens.Count;
            if (shown < Citizens || length < shown * 100)
                throw new InvalidOperationException($"The board showed {shown} citizens in {length} characters.");
            if (run < 0)
                continue;
            reads.Add(readMs);
            renders.Add(watch.Elapsed.TotalMilliseconds - readMs);
            totals.Add(watch.Elapsed.TotalMilliseconds);

            // The same read for a viewer who already sees this board: the data read alone, no access record to write.
            notifier.PathwayChanged(new PathwayChange(citizens[0], PatientSection.Triage) { SeenBy = [AudienceKey.TriageBoardOf(unitId)] });
            var again = Stopwatch.StartNew();
            await boards.GetAsync(nurse, unitId, screen.Board);
            dataOnly.Add(again.Elapsed.TotalMilliseconds);
        }

        var (read, render, total) = (Percentiles.Of(reads), Percentiles.Of(renders), Percentiles.Of(totals));
        Console.WriteLine();
        Console.WriteLine(Invariant($"| Board | Citizens shown | Read p50 / p95 | Render p50 / p95 | Read + render p50 / p95 / max | Target ≤ {Target.TotalMilliseconds:F0} ms (p95) |"));
        Console.WriteLine("|---|---|---|---|---|---|");
        Console.WriteLine(Invariant($"| Havby home care, {Weeks} weeks of change forms | {shown} | {read.P50:F1} / {read.P95:F1} ms | {render.P50:F1} / {render.P95:F1} ms | ") +
            Invariant($"{total.P50:F1} / {total.P95:F1} / {total.Max:F1} ms | {(total.P95 <= Target.TotalMilliseconds ? "**MET**" : "**NOT MET**")} |"));
        var data = Percentiles.Of(dataOnly);
        Console.WriteLine(Invariant($"Of the read, the data alone (a viewer who already sees the board, no access records): p50 {data.P50:F1} ms, p95 {data.P95:F1} ms."));

        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<CareDbContext>>().CreateDbContextAsync())
        {
            var otherSor = Domain.Organisations.SorCode.Parse(DemoOrganisations.OtherHomeCareSor);
            var other = await db.Organisations.AsNoTracking().SingleAsync(o => o.Sor == otherSor);
            var otherNurse = await ActorAsync(db, "nurse.roskilde", other.Name);
            var liveBoards = new LiveBoards(app.Services, nurse, unitId, otherNurse, other.Id, changes);
            var live = await liveBoards.MeasureAsync(worker, citizens);
            Console.WriteLine();
            Console.WriteLine($"Warm-up before the live changes: {liveBoards.WarmUp}.");
            Console.WriteLine(Invariant($"| Open boards of the unit | Changes | Change form → every board re-rendered p50 / p95 / max | Last board p50 / p95 | ") +
                Invariant($"Board reads for the unit | Other unit's {LiveBoards.OpenBoards} boards: notices / reads |"));
            Console.WriteLine("|---|---|---|---|---|---|");
            Console.WriteLine(Invariant($"| {LiveBoards.OpenBoards} | {changes} | {live.Latency.P50:F1} / {live.Latency.P95:F1} / {live.Latency.Max:F1} ms | ") +
                Invariant($"{live.LastBoard.P50:F1} / {live.LastBoard.P95:F1} ms | {live.OwnUnitReads} | {live.OtherUnitNotices} / {live.OtherUnitReads} |"));
            Console.WriteLine(Invariant($"On the way: first board told p50 {live.Noticed.P50:F1} ms (the change form written); board read with its access record p50 / p95 ") +
                Invariant($"{live.Read.P50:F1} / {live.Read.P95:F1} ms; {live.RecordCommits:F1} access-record commits per change; process CPU {live.CpuPerBoard:F2} ms per board per change."));
        }
        Console.WriteLine(Invariant($"Load at the end: {File.ReadAllText("/proc/loadavg").Trim()}"));
    }

    /// <summary>Havby home care gets 500 more citizens, each with a change form every week for a year (the latest confirmed).</summary>
    private static async Task<(Actor Nurse, Actor Worker, Guid UnitId, List<Guid> Citizens, int Observations)> SeedAsync(BenchFactory app, DateOnly today)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<CareDbContext>>().CreateDbContextAsync();
        var homeCare = Domain.Organisations.SorCode.Parse(DemoOrganisations.HomeCareSor);
        var unit = await db.Organisations.AsNoTracking().SingleAsync(o => o.Sor == homeCare);
        var nurse = await ActorAsync(db, "nurse.holm", unit.Name);
        var worker = await ActorAsync(db, "careworker.berg", unit.Name);

        var patients = new List<Patient>();
        for (var i = 0; i < Citizens; i++)
        {
            var birth = new DateOnly(1925 + i % 20, 1 + i % 12, 1 + i % 28);
            var patient = new Patient($"Borger{i:000}", "Benchmark", Cpr.Parse($"{birth:ddMMyy}{i % 4 + 1}{i % 1000:000}", today));
            patient.JoinCareTeam(unit.Id, CareTeamRole.HomeCare, new Period(today.AddYears(-2)));
            patients.Add(patient);
        }
        db.Patients.AddRange(patients);
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();

        var count = 0;
        for (var p = 0; p < patients.Count; p++)
        {
            ChangeObservation? previous = null;
            for (var week = Weeks; week >= 1; week--)
            {
                var at = CopenhagenTime.At(today.AddDays(-7 * week + 6), new TimeOnly(8 + p % 8, p % 60));
                var worrying = week == 1 && p % 10 == 0;
                var vitals = new VitalSigns(Pulse: worrying ? 118 : 70 + p % 15, RespiratoryRate: worrying ? 24 : 14 + p % 4, SystolicBloodPressure: 125 + p % 20,
                    Temperature: worrying ? 38.6m : 36.8m, OxygenSaturation: worrying ? 91 : 96, Consciousness: Consciousness.Alert);
                var answers = new[] { new ItemAnswer("mood", worrying), new ItemAnswer("appetite", false) };
                var observation = ChangeObservation.Record(patients[p].Id, unit.Id, worker, at, ChangeFormItems.Defaults, answers, vitals, [], previous);
                observation.Confirm(observation.SuggestedColour, null, nurse, at.AddMinutes(20));
                db.TriageObservations.Add(observation);
                previous = observation;
                if (++count % 2_000 == 0)
                {
                    await db.SaveChangesAsync();
                    db.ChangeTracker.Clear();
                }
            }
        }
        await db.SaveChangesAsync();
        return (nurse, worker, unit.Id, patients.Select(p => p.Id).ToList(), count);
    }

    private static async Task<Actor> ActorAsync(CareDbContext db, string userName, string organisationName)
    {
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.UserName == userName);
        return new Actor(user.Id, user.DisplayName, user.Role, user.OrganisationId, organisationName);
    }
}
