using CareWorkspace.Domain.Access;
using CareWorkspace.Infrastructure.Access;
using CareWorkspace.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CareWorkspace.Web.Features.FollowUp;

public sealed record FollowUpTaskRow(Guid Id, Guid PatientId, string PatientName, DateTimeOffset DischargedAt, DateOnly DueBy, string? Note,
    string RequestedBy, string RequestedByOrganisation, bool Escalated);

/// <summary>
/// The GP clinic's task list: its open follow-up tasks, for the patients whose care team it is on today. Listing a
/// patient is logged as a search of the care team section, like any list of patients.
/// </summary>
public sealed class FollowUpTaskService(IDbContextFactory<CareDbContext> dbFactory, PatientAccessGuard guard) : IPatientDataService
{
    private const string What = "Follow-up tasks";

    public static bool MaySee(Actor actor) =>
        actor.Role is UserRole.GeneralPractitioner or UserRole.GpStaff && actor.OrganisationId is not null;

    public async Task<IReadOnlyList<FollowUpTaskRow>> OpenTasksAsync(Actor actor, CancellationToken ct)
    {
        if (!MaySee(actor))
            throw new PatientAccessDeniedException("The task list is for the GP clinic's staff.");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var patients = guard.SearchablePatients(db, actor);
        var rows = await db.FollowUpTasks.AsNoTracking()
            .Where(t => t.OrganisationId == actor.OrganisationId && t.BookedAt == null)
            .Join(patients, t => t.PatientId, p => p.Id, (t, p) => new { Task = t, p.GivenName, p.FamilyName })
            .ToListAsync(ct);
        var list = rows
            .OrderByDescending(r => r.Task.EscalatedAt is not null).ThenBy(r => r.Task.DueBy).ThenBy(r => r.Task.DischargedAt)
            .Select(r => new FollowUpTaskRow(r.Task.Id, r.Task.PatientId, $"{r.GivenName} {r.FamilyName}", r.Task.DischargedAt, r.Task.DueBy,
                r.Task.Note, r.Task.RequestedBy, r.Task.RequestedByOrganisation, r.Task.EscalatedAt is not null))
            .ToList();
        guard.RecordSearch(db, actor, list.Select(r => r.PatientId).Distinct(), What, PatientSection.CareTeam);
        await db.SaveChangesAsync(ct);
        return list;
    }
}
