using System.Diagnostics;
using System.Globalization;
using CareWorkspace.Benchmarks;
using CareWorkspace.Domain.Calendar;
using CareWorkspace.Domain.Common;
using CareWorkspace.Infrastructure.Persistence;
using CareWorkspace.Web.Features.Calendar;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using static System.FormattableString;

namespace CareWorkspace.CalendarRenderBenchmark;

internal static class Benchmark
{
    private const int Total = 2_000;
    private const int BusyWeek = 300;
    private const int Runs = 30;
    private static readonly TimeSpan Target = TimeSpan.FromMilliseconds(200);

    public static async Task Main(string[] args)
    {
        // The calendar's server time (issue 9: a 2,000-appointment patient and a 300-appointment week within 200 ms). Usage:
        //   dotnet run -c Release --project benchmarks/CalendarRender -- [sqlite|postgresql "<connection string with a new database>"]
        using var bench = BenchRun.FromArguments(args, "calendar");
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("da-DK");

        await using var app = new BenchFactory(bench.Provider, bench.Connection, bench.Folder);
        _ = app.Services;
        var clock = app.Services.GetRequiredService<TimeProvider>();
        var today = CopenhagenTime.Today(clock);
        var busyMonday = CalendarPeriod.Monday(today).AddDays(14);

        var (patientId, gp) = await SeedAsync(app, today, busyMonday);
        Console.WriteLine(Invariant($"{bench.Provider}: {Total} appointments for one patient over five years, {BusyWeek} of them in the week of {busyMonday:yyyy-MM-dd}. ") +
            Invariant($"Load: {File.ReadAllText("/proc/loadavg").Trim()}"));

        await using var scope = app.Services.CreateAsyncScope();
        var calendar = scope.ServiceProvider.GetRequiredService<AppointmentService>();
        var staff = scope.ServiceProvider.GetRequiredService<StaffCalendarService>();
        await using var renderer = new HtmlRenderer(scope.ServiceProvider, scope.ServiceProvider.GetRequiredService<ILoggerFactory>());

        var results = new List<(string Name, Percentiles Read, Percentiles Render, Percentiles Total, int Shown)>();
        foreach (var (name, layout) in new[] { ("Patient calendar, week", CalendarLayout.Week), ("Patient calendar, month", CalendarLayout.Month), ("Patient calendar, agenda (28 days)", CalendarLayout.Agenda) })
        {
            var (from, to) = CalendarPeriod.Around(layout, busyMonday);
            results.Add(await MeasureAsync(name, renderer, layout,
                async () =>
                {
                    var view = await calendar.GetAsync(gp, patientId, from, to);
                    return (view.From, view.To, view.Today, view.Appointments, null);
                }));
        }
        var (weekFrom, weekTo) = CalendarPeriod.Around(CalendarLayout.Week, busyMonday);
        results.Add(await MeasureAsync("Practitioner's week (/calendar, only mine)", renderer, CalendarLayout.Week,
            async () =>
            {
                var view = await staff.GetAsync(gp, weekFrom, weekTo, onlyMine: true);
                return (view.From, view.To, view.Today, view.Appointments.Select(a => a.Appointment).ToList(),
                    view.Appointments.ToDictionary(a => a.Appointment.Id, a => a.PatientName));
            }));

        Console.WriteLine();
        Console.WriteLine(Invariant($"| View | Appointments shown | Read p50 / p95 | Render p50 / p95 | Read + render p50 / p95 / max | Target ≤ {Target.TotalMilliseconds:F0} ms (p95) |"));
        Console.WriteLine("|---|---|---|---|---|---|");
        foreach (var r in results)
        {
            Console.WriteLine(Invariant($"| {r.Name} | {r.Shown} | {r.Read.P50:F1} / {r.Read.P95:F1} ms | {r.Render.P50:F1} / {r.Render.P95:F1} ms | ") +
                Invariant($"{r.Total.P50:F1} / {r.Total.P95:F1} / {r.Total.Max:F1} ms | {(r.Total.P95 <= Target.TotalMilliseconds ? "**MET**" : "**NOT MET**")} |"));
        }
        Console.WriteLine(Invariant($"Load at the end: {File.ReadAllText("/proc/loadavg").Trim()}"));
    }

    /// <summary>Jens' calendar gets 2,000 appointments of his GP over five years around today, 300 of them in one week.</summary>
    private static async Task<(Guid PatientId, Domain.Access.Actor Gp)> SeedAsync(BenchFactory app, DateOnly today, DateOnly busyMonday)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<CareDbContext>>().CreateDbContextAsync();
        var jens = await db.Patients.AsNoTracking().Where(p => p.UserId != null && p.GpOrganisationId != null)
            .Select(p => new { p.Id, p.GpOrganisationId }).FirstAsync();
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.UserName == "gp.larsen");
        var organisationName = await db.Organisations.AsNoTracking().Where(o => o.Id == user.OrganisationId).Select(o => o.Name).SingleAsync();
        var gp = new Domain.Access.Actor(user.Id, user.DisplayName, user.Role, user.OrganisationId, organisationName);

        var starts = new List<DateTimeOffset>();
        for (var i = 0; i < BusyWeek; i++)
            starts.Add(CopenhagenTime.At(busyMonday.AddDays(i % 5), new TimeOnly(8, 0).AddMinutes(8 * (i / 5))));
        var first = today.AddYears(-2).AddMonths(-6);
        var spread = Total - BusyWeek;
        for (var i = 0; i < spread; i++)
        {
            var day = first.AddDays((int)((long)i * (5 * 365) / spread));
            if (day >= busyMonday && day < busyMonday.AddDays(7))
                day = day.AddDays(7);
            starts.Add(CopenhagenTime.At(day, new TimeOnly(9 + i % 6, 0)));
        }
        var statuses = new[] { AppointmentStatus.Booked, AppointmentStatus.Booked, AppointmentStatus.Booked, AppointmentStatus.Proposed };
        var i2 = 0;
        foreach (var start in starts)
        {
            // Booked "the day before", so past appointments are allowed by the domain's rule against booking in the past.
            var appointment = Appointment.Book(jens.Id, jens.GpOrganisationId!.Value,
                new AppointmentDetails(AppointmentType.FollowUp, (i2 % 3) switch { 0 => AppointmentMode.InPerson, 1 => AppointmentMode.Phone, _ => AppointmentMode.Video },
                    i2 % 3 == 0 ? "Lægehuset, konsultation 2" : null, "Benchmark follow-up " + i2),
                new AppointmentTime(start, start.AddMinutes(8)),
                [
                    new AppointmentParticipant(ParticipantKind.Practitioner, gp.UserId, gp.DisplayName),
                    new AppointmentParticipant(ParticipantKind.Patient, null, "Jens"),
                ],
                new ChangeStamp("Benchmark", start.AddDays(-1)), statuses[i2 % statuses.Length]);
            db.Appointments.Add(appointment);
            if (++i2 % 500 == 0)
            {
                await db.SaveChangesAsync();
                db.ChangeTracker.Clear();
            }
        }
        await db.SaveChangesAsync();
        return (jens.Id, gp);
    }

    private static async Task<(string, Percentiles, Percentiles, Percentiles, int)> MeasureAsync(string name, HtmlRenderer renderer, CalendarLayout layout,
        Func<Task<(DateOnly From, DateOnly To, DateOnly Today, IReadOnlyList<AppointmentView> Appointments, IReadOnlyDictionary<Guid, string>? Names)>> read)
    {
        var reads = new List<double>();
        var renders = new List<double>();
        var totals = new List<double>();
        var shown = 0;
        for (var run = -3; run < Runs; run++)
        {
            var watch = Stopwatch.StartNew();
            var view = await read();
            var readMs = watch.Elapsed.TotalMilliseconds;
            var html = await renderer.Dispatcher.InvokeAsync(async () =>
            {
                var output = await renderer.RenderComponentAsync<CalendarPeriodView>(ParameterView.FromDictionary(new Dictionary<string, object?>
                {
                    [nameof(CalendarPeriodView.Layout)] = layout,
                    [nameof(CalendarPeriodView.From)] = view.From,
                    [nameof(CalendarPeriodView.To)] = view.To,
                    [nameof(CalendarPeriodView.Today)] = view.Today,
                    [nameof(CalendarPeriodView.Appointments)] = view.Appointments,
                    [nameof(CalendarPeriodView.PatientNames)] = view.Names,
                }));
                return output.ToHtmlString();
            });
            watch.Stop();
            shown = view.Appointments.Count;
            if (html.Length < shown * 100)
                throw new InvalidOperationException($"{name}: the rendered calendar is too short ({html.Length} characters for {shown} appointments).");
            if (run < 0)
                continue;
            reads.Add(readMs);
            renders.Add(watch.Elapsed.TotalMilliseconds - readMs);
            totals.Add(watch.Elapsed.TotalMilliseconds);
        }
        Console.WriteLine(Invariant($"{name}: {shown} appointments, read + render p50 {Percentiles.Of(totals).P50:F1} ms"));
        return (name, Percentiles.Of(reads), Percentiles.Of(renders), Percentiles.Of(totals), shown);
    }
}
