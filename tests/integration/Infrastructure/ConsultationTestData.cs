using CareWorkspace.Domain.Calendar;
using CareWorkspace.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareWorkspace.IntegrationTests.Infrastructure;

/// <summary>Books video consultations and discharge conferences for Jens straight into the database (no calendar UI needed).</summary>
public static class ConsultationTestData
{
    /// <summary>
    /// Books an appointment for Jens with these practitioners (by user name; the first one's organisation owns it), Jens
    /// himself, and these relatives. <paramref name="startsIn"/> from now: five minutes puts it inside the Join window.
    /// </summary>
    public static async Task<Guid> BookAsync(CareAppFactory factory, AppointmentType type, IReadOnlyList<string> practitioners,
        IReadOnlyList<string>? relatives = null, TimeSpan? startsIn = null, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var names = practitioners.Concat(relatives ?? []).Append("jens").ToList();
        var users = await db.Users.AsNoTracking().Where(u => names.Contains(u.UserName!)).ToDictionaryAsync(u => u.UserName!, ct);
        var now = factory.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        var start = now + (startsIn ?? TimeSpan.FromMinutes(5));
        var participants = practitioners.Select(p => new AppointmentParticipant(ParticipantKind.Practitioner, users[p].Id, users[p].DisplayName))
            .Append(new AppointmentParticipant(ParticipantKind.Patient, users["jens"].Id, users["jens"].DisplayName))
            .Concat((relatives ?? []).Select(r => new AppointmentParticipant(ParticipantKind.Relative, users[r].Id, users[r].DisplayName, ParticipantRequirement.Optional)))
            .ToList();
        var appointment = Appointment.Book(await factory.JensIdAsync(ct), users[practitioners[0]].OrganisationId!.Value,
            new AppointmentDetails(type, AppointmentMode.Video, reason: "Test " + Guid.NewGuid().ToString("N")[..8]),
            new AppointmentTime(start, start.AddMinutes(45)), participants, new ChangeStamp("Test booking", now));
        db.Appointments.Add(appointment);
        await db.SaveChangesAsync(ct);
        return appointment.Id;
    }

    public static Task<Guid> BookVideoAsync(CareAppFactory factory, CancellationToken ct, TimeSpan? startsIn = null) =>
        BookAsync(factory, AppointmentType.CheckUp, ["gp.larsen"], startsIn: startsIn, ct: ct);

    public static Task<Guid> BookConferenceAsync(CareAppFactory factory, CancellationToken ct) =>
        BookAsync(factory, AppointmentType.DischargeConference, ["hospital.doctor", "gp.larsen", "nurse.holm"], ["ulla"], ct: ct);
}
