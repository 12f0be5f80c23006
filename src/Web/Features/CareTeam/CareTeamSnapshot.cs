using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Common;
using CareWorkspace.Domain.Patients;
using CareWorkspace.Infrastructure.Access;
using CareWorkspace.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CareWorkspace.Web.Features.CareTeam;

/// <summary>
/// The care team, relatives and contact channel of one patient as stored, the same for every viewer: read once per
/// change and shared (<see cref="Infrastructure.Live.SharedReads"/>). <see cref="For"/> makes one viewer's view of it.
/// Members are in organisation name order and carry no viewer's flags (<c>IsActive</c>, <c>CanChange</c>).
/// </summary>
public sealed record CareTeamSnapshot(
    Guid PatientId,
    IReadOnlyList<CareTeamMemberView> Members,
    IReadOnlyList<RelativeView> Relatives,
    ContactChannel PreferredContactChannel,
    IReadOnlyList<OrganisationOption> Organisations)
{
    public const string Key = "care team";

    /// <summary>The sections a change to which makes this snapshot old.</summary>
    public static readonly PatientSection[] DependsOn = [PatientSection.CareTeam, PatientSection.Relatives, PatientSection.MasterData];

    public static async Task<CareTeamSnapshot> ReadAsync(CareDbContext db, Guid patientId, CancellationToken ct)
    {
        var patient = await db.Patients.AsNoTracking().SingleAsync(p => p.Id == patientId, ct);
        var held = await db.Organisations.AsNoTracking().OrderBy(o => o.Name).ToListAsync(ct);
        var organisations = held.Select(o => new OrganisationOption(o.Id, o.Name, o.Sector)).ToList();
        var byId = held.ToDictionary(o => o.Id);
        var members = patient.CareTeam
            .Where(m => byId.ContainsKey(m.OrganisationId))
            .OrderBy(m => byId[m.OrganisationId].Name)
            .Select(m => new CareTeamMemberView(m.Id, m.Version, m.OrganisationId, byId[m.OrganisationId].Name, byId[m.OrganisationId].Sector, m.Role,
                m.PersonName, m.Phone, m.From, m.To, IsActive: false, m.ChangedBy, m.ChangedAt, m.Reason, Contact: OrganisationContact.Of(byId[m.OrganisationId])))
            .ToList();
        var relatives = patient.Relatives.OrderByDescending(r => r.IsContactRelative).ThenBy(r => r.Name)
            .Select(r => new RelativeView(r.Id, r.Version, r.Name, r.Relationship, r.Phone, r.IsContactRelative)).ToList();
        return new CareTeamSnapshot(patientId, members, relatives, patient.PreferredContactChannel, organisations);
    }

    /// <summary>
    /// One viewer's view: relatives only where that viewer's read of them was allowed (and recorded), and only the
    /// changes the access policy will allow offered, exactly as decided for this viewer's relationship.
    /// </summary>
    public CareTeamView For(Actor actor, PatientRelationship relationship, IReadOnlySet<PatientSection> read, DateOnly today)
    {
        var members = Members
            .Select(m => m with
            {
                IsActive = new Period(m.From, m.To).Covers(today),
                CanChange = !m.HasEnded(today) && PatientAccessGuard.Permits(actor, relationship, AccessAction.Update, PatientSection.CareTeam, m.OrganisationId),
            })
            .OrderByDescending(m => m.IsActive)
            .ToList();
        var relatives = read.Contains(PatientSection.Relatives) ? Relatives : null;
        var can = new CareTeamPermissions(
            AddMember: PatientAccessGuard.Permits(actor, relationship, AccessAction.Create, PatientSection.CareTeam),
            EditRelatives: relatives is not null && PatientAccessGuard.Permits(actor, relationship, AccessAction.Update, PatientSection.Relatives),
            RemoveRelatives: relatives is not null && PatientAccessGuard.Permits(actor, relationship, AccessAction.Delete, PatientSection.Relatives),
            ChangeContactChannel: PatientAccessGuard.Permits(actor, relationship, AccessAction.Update, PatientSection.MasterData));
        return new CareTeamView(PatientId, members, relatives, PreferredContactChannel, Organisations, can, today);
    }
}
