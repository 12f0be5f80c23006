using System.Diagnostics;
using CareWorkspace.Benchmarks;
using CareWorkspace.Domain.Calendar;
using CareWorkspace.Domain.Common;
using CareWorkspace.Domain.Notifications;
using CareWorkspace.Infrastructure.Persistence;
using CareWorkspace.Infrastructure.Reminders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareWorkspace.ReminderJobBenchmark;

internal static class Benchmark
{
    public static async Task Main(string[] args)
    {
        // The reminder job with 10,000 due reminders (issue 9: under 30 s). Usage:
        //   dotnet run -c Release --project benchmarks/ReminderJob -- [sqlite|postgresql "<connection string with a new database>"] [count]
        using var bench = BenchRun.FromArguments(args, "reminder");
        var count = int.TryParse(args.LastOrDefault(), out var n) ? n : 10_000;

        await using var app = new BenchFactory(bench.Provider, bench.Connection, bench.Folder);
        _ = app.Services;

        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<CareDbContext>>().CreateDbContextAsync())
        {
            // The demo patient with an account (Jens): every appointment has a recipient, so each is a reminder to send.
            var patients = await db.Patients.AsNoTracking().Where(p => p.UserId != null && p.GpOrganisationId != null)
                .Select(p => new { p.Id, p.GpOrganisationId }).ToListAsync();
            var gp = await db.Users.AsNoTracking().Where(u => u.UserName == "gp.larsen").Select(u => new { u.Id, u.DisplayName }).SingleAsync();
            var now = DateTimeOffset.UtcNow;
            for (var i = 0; i < count; i++)
            {
                var patient = patients[i % patients.Count];
                var start = now.AddMinutes(30 + (i % 1200));
                db.Appointments.Add(Appointment.Book(patient.Id, patient.GpOrganisationId!.Value,
                    new AppointmentDetails(AppointmentType.FollowUp, AppointmentMode.Phone),
                    new AppointmentTime(start, start.AddMinutes(15)),
                    [new AppointmentParticipant(ParticipantKind.Practitioner, gp.Id, gp.DisplayName)], new ChangeStamp("Benchmark", now)));
                if (i % 1000 == 999)
                {
                    await db.SaveChangesAsync();
                    db.ChangeTracker.Clear();
                }
            }
            await db.SaveChangesAsync();
            Console.WriteLine($"{bench.Provider}: {count} booked appointments due within 24 h, over {patients.Count} patients");
        }

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var job = scope.ServiceProvider.GetRequiredService<AppointmentReminderJob>();
            var watch = Stopwatch.StartNew();
            var sent = await job.RunAsync(CancellationToken.None);
            watch.Stop();
            var again = Stopwatch.StartNew();
            var second = await job.RunAsync(CancellationToken.None);
            again.Stop();
            await using var db = await app.Services.GetRequiredService<IDbContextFactory<CareDbContext>>().CreateDbContextAsync();
            var inApp = await db.ReminderDeliveries.CountAsync(d => d.Channel == NotificationChannelKind.InApp);
            Console.WriteLine($"First run: {sent} reminders sent ({inApp} in-app) in {watch.Elapsed.TotalSeconds:F1} s; " +
                $"second run: {second} sent in {again.Elapsed.TotalSeconds:F1} s. Target: under 30 s -> {(watch.Elapsed < TimeSpan.FromSeconds(30) ? "MET" : "NOT MET")}");
        }
    }
}
