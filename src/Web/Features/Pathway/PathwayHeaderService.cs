using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Common;
using CareWorkspace.Infrastructure.Access;
using CareWorkspace.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CareWorkspace.Web.Features.Pathway;

public sealed class PathwayHeaderService(
    IDbContextFactory<CareDbContext> dbFactory,
    PatientAccessGuard guard,
    TimeProvider clock) : IPatientDataService
{
    public async Task<PathwayHeader> GetAsync(Actor actor, Guid patientId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // Whoever may see any part of the record sees whose record it is; CPR and age are personal details (MasterData).
        var (read, visible) = await guard.DemandEntryAsync(db, actor, patientId, "Pathway header", ct,
            PatientSection.MasterData, PatientSection.Relatives, PatientSection.Conditions, PatientSection.CareTeam);
        var patient = await db.Patients.AsNoTracking().SingleAsync(p => p.Id == patientId, ct);
        var gpName = patient.GpOrganisationId is { } gp && (read.Contains(PatientSection.MasterData) || read.Contains(PatientSection.CareTeam))
            ? await db.Organisations.Where(o => o.Id == gp).Select(o => o.Name).SingleOrDefaultAsync(ct)
            : null;
        await db.SaveChangesAsync(ct);

        var details = read.Contains(PatientSection.MasterData);
        var contact = read.Contains(PatientSection.Relatives) ? patient.Relatives.FirstOrDefault(r => r.IsContactRelative) : null;
        var today = CopenhagenTime.Today(clock);
        return new PathwayHeader(
            patient.Id,
            patient.FullName,
            details ? patient.Cpr.Display : null,
            details ? patient.Cpr.AgeOn(today) : null,
            contact?.Name,
            contact?.Phone,
            gpName,
            read.Contains(PatientSection.Conditions) ? patient.Conditions.OrderByDescending(c => c.Onset).Select(c => c.Text).ToList() : [],
            visible);
    }
}
