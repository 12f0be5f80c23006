using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Common;
using CareWorkspace.Infrastructure.Access;
using CareWorkspace.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CareWorkspace.Web.Features.Patients;

/// <summary>The patient overview: master data, relatives, GP, care team and conditions, as far as the viewer may see.</summary>
public sealed class PatientOverviewService(
    IDbContextFactory<CareDbContext> dbFactory,
    PatientAccessGuard guard,
    TimeProvider clock) : IPatientDataService
{
    public async Task<PatientOverview> GetAsync(Actor actor, Guid patientId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var sections = await guard.DemandAsync(db, actor, patientId, AccessAction.Read, PatientSection.MasterData, "Patient overview", ct,
            PatientSection.Relatives, PatientSection.CareTeam, PatientSection.Conditions);

        var patient = await db.Patients.AsNoTracking().SingleAsync(p => p.Id == patientId, ct);
        var organisationIds = patient.CareTeam.Select(m => m.OrganisationId).Append(patient.GpOrganisationId ?? Guid.Empty).Distinct().ToList();
        var organisations = await db.Organisations.AsNoTracking()
            .Where(o => organisationIds.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, o => new OrganisationRef(o.Id, o.Name, o.Sor.Value, o.Sector), ct);

        // The access record is committed before any data leaves the service.
        await db.SaveChangesAsync(ct);

        var today = CopenhagenTime.Today(clock);
        return new PatientOverview(
            patient.Id,
            patient.FullName,
            patient.Cpr.Display,
            patient.Cpr.BirthDate,
            patient.Cpr.AgeOn(today),
            patient.Address?.ToString(),
            patient.Phone,
            patient.GpOrganisationId is { } gp && organisations.TryGetValue(gp, out var gpOrg) ? gpOrg : null,
            sections.Contains(PatientSection.Relatives)
                ? patient.Relatives.OrderByDescending(r => r.IsContactRelative).ThenBy(r => r.Name)
                    .Select(r => new RelativeRow(r.Name, r.Relationship, r.Phone, r.IsContactRelative)).ToList()
                : null,
            sections.Contains(PatientSection.CareTeam)
                ? patient.CareTeam.Where(m => organisations.ContainsKey(m.OrganisationId))
                    .OrderByDescending(m => m.IsActiveOn(today)).ThenBy(m => m.From)
                    .Select(m => new CareTeamRow(organisations[m.OrganisationId], m.Role, m.From, m.To, m.IsActiveOn(today))).ToList()
                : null,
            sections.Contains(PatientSection.Conditions)
                ? patient.Conditions.OrderByDescending(c => c.Onset)
                    .Select(c => new ConditionRow(c.CodeSystem, c.Code, c.Text, c.Onset)).ToList()
                : null);
    }
}
