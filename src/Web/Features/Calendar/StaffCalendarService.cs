using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Blocks;
using CareWorkspace.Domain.Common;
using CareWorkspace.Infrastructure.Access;
using CareWorkspace.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CareWorkspace.Web.Features.Calendar;

/// <summary>
/// A staff member's calendar at /calendar: the appointments of their organisation, or only those they take part in, across the
/// patients they may see today (the same rule as the patient search), without what the patients blocked from the viewer.
/// Each patient shown is logged as a search of the calendar.
/// </summary>
public sealed class StaffCalendarService(IDbContextFactory<CareDbContext> dbFactory, PatientAccessGuard guard, TimeProvider clock) : IPatientDataService
{
    public const int MaxDays = 31;

    public async Task<StaffCalendarView> GetAsync(Actor actor, DateOnly from, DateOnly to, bool onlyMine, CancellationToken ct = default)
    {
        if (to < from || to.DayNumber - from.DayNumber >= MaxDays)
            throw new DomainException("Choose a period of 1 to {0} days.", MaxDays);
        var today = CopenhagenTime.Today(clock);
        if (!actor.IsHealthProfessional || actor.OrganisationId is not { } organisationId
            || !AccessMatrix.For(actor.Role, PatientSection.Calendar).HasFlag(Permission.Search))
            return new StaffCalendarView(from, to, [], today);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (start, end) = (CopenhagenTime.StartOf(from).ToUniversalTime(), CopenhagenTime.EndOf(to).ToUniversalTime());
        var patients = guard.SearchablePatients(db, actor).Select(p => p.Id);
        var query = db.Appointments.AsNoTracking().Where(a => patients.Contains(a.PatientId) && a.Start < end && a.End > start);
        query = onlyMine
            ? query.Where(a => a.Participants.Any(p => p.UserId == actor.UserId))
            : query.Where(a => a.OrganisationId == organisationId || a.Participants.Any(p => p.UserId == actor.UserId));
        var found = await query.OrderBy(a => a.Start).Take(2000).ToListAsync(ct);
        // The patients' blocks, through the one policy: a blocked calendar or a blocked appointment is left out.
        var withBlocks = await guard.RelationshipsOfAsync(await PatientAccessGuard.PatientsWithBlocksAsync(db, [.. found.Select(a => a.PatientId)], ct), ct);
        var appointments = found.Where(a => !withBlocks.TryGetValue(a.PatientId, out var relationship)
            || (PatientAccessPolicy.Decide(actor, relationship, AccessAction.Read, PatientSection.Calendar).Allowed
                && PatientAccessPolicy.MaySeeItem(actor, relationship, BlockedItemKind.Appointment, a.Id, a.OrganisationId))).ToList();

        var patientIds = appointments.Select(a => a.PatientId).Distinct().ToList();
        var names = await db.Patients.AsNoTracking().Where(p => patientIds.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => p.GivenName + " " + p.FamilyName, ct);
        var organisationIds = appointments.Select(a => a.OrganisationId).Distinct().ToList();
        var organisations = await db.Organisations.AsNoTracking().Where(o => organisationIds.Contains(o.Id)).ToListAsync(ct);
        guard.RecordSearch(db, actor, patientIds, "Staff calendar", PatientSection.Calendar);
        await db.SaveChangesAsync(ct);

        return new StaffCalendarView(from, to,
            appointments.Select(a => new StaffAppointmentView(AppointmentViews.For(a, organisations), names.GetValueOrDefault(a.PatientId, ""),
                a.Participants.Any(p => p.UserId == actor.UserId))).ToList(),
            today, appointments.Count < found.Count);
    }
}
