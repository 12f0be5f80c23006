using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Blocks;
using CareWorkspace.Domain.Common;
using CareWorkspace.Domain.Patients;
using CareWorkspace.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CareWorkspace.Web.Features.Patients;

/// <summary>
/// Who the patient is, relatives, GP, care team and conditions as stored, the same for every viewer: read once per
/// change and shared (<see cref="Infrastructure.Live.SharedReads"/>) by the overview and the pathway header, each of
/// which shows a viewer only the sections that viewer's read was allowed (and recorded) for.
/// </summary>
/// <param name="CareTeam">In start order, <c>IsActive</c> not set: it depends on the day the viewer looks.</param>
/// <param name="ContactRelative">The first contact relative as stored (the header shows one).</param>
public sealed record PatientSnapshot(
    Guid Id,
    string Name,
    Cpr Cpr,
    string? Address,
    string? Phone,
    OrganisationRef? Gp,
    IReadOnlyList<RelativeRow> Relatives,
    RelativeRow? ContactRelative,
    IReadOnlyList<CareTeamRow> CareTeam,
    IReadOnlyList<ConditionRow> Conditions,
    bool NameAndAddressProtected = false,
    bool Deceased = false,
    string? UserId = null)
{
    public const string Key = "patient record";

    /// <summary>The sections a change to which makes this snapshot old.</summary>
    public static readonly PatientSection[] DependsOn =
        [PatientSection.MasterData, PatientSection.Relatives, PatientSection.CareTeam, PatientSection.Conditions];

    public static async Task<PatientSnapshot> ReadAsync(CareDbContext db, Guid patientId, CancellationToken ct)
    {
        var patient = await db.Patients.AsNoTracking().SingleAsync(p => p.Id == patientId, ct);
        var organisationIds = patient.CareTeam.Select(m => m.OrganisationId).Append(patient.GpOrganisationId ?? Guid.Empty).Distinct().ToList();
        var organisations = await db.Organisations.AsNoTracking()
            .Where(o => organisationIds.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, o => new OrganisationRef(o.Id, o.Name, o.Sor.Value, o.Sector), ct);
        return new PatientSnapshot(
            patient.Id,
            patient.FullName,
            patient.Cpr,
            patient.Address?.ToString(),
            patient.Phone,
            patient.GpOrganisationId is { } gp && organisations.TryGetValue(gp, out var gpOrg) ? gpOrg : null,
            [.. patient.Relatives.OrderByDescending(r => r.IsContactRelative).ThenBy(r => r.Name)
                .Select(r => new RelativeRow(r.Name, r.Relationship, r.Phone, r.IsContactRelative))],
            patient.Relatives.FirstOrDefault(r => r.IsContactRelative) is { } contact
                ? new RelativeRow(contact.Name, contact.Relationship, contact.Phone, contact.IsContactRelative)
                : null,
            [.. patient.CareTeam.Where(m => organisations.ContainsKey(m.OrganisationId)).OrderBy(m => m.From)
                .Select(m => new CareTeamRow(organisations[m.OrganisationId], m.Role, m.From, m.To, IsActive: false))],
            [.. patient.Conditions.OrderByDescending(c => c.Onset).Select(c => new ConditionRow(c.Id, c.CodeSystem, c.Code, c.Text, c.Onset))],
            patient.NameAndAddressProtected,
            patient.Deceased,
            patient.UserId);
    }

    /// <summary>
    /// The conditions this viewer may see: the one policy leaves out those the patient blocked from the viewer's
    /// organisation. <c>ShownUnderEmergency</c> holds the decisions on blocked ones shown under emergency access, to record.
    /// </summary>
    public (IReadOnlyList<ConditionRow> Shown, IReadOnlyList<AccessDecision> ShownUnderEmergency) ConditionsFor(Actor actor, PatientRelationship relationship)
    {
        var blocked = PatientAccessPolicy.BlockedItemDecisions(actor, relationship, BlockedItemKind.Condition);
        var shown = Conditions.Where(c => !blocked.TryGetValue(c.Id, out var decision) || decision.Allowed).ToList();
        return (shown, [.. shown.Where(c => blocked.ContainsKey(c.Id)).Select(c => blocked[c.Id])]);
    }

    /// <summary>The care team as seen on <paramref name="today"/>: active memberships first.</summary>
    public IReadOnlyList<CareTeamRow> CareTeamOn(DateOnly today) =>
        [.. CareTeam.Select(m => m with { IsActive = new Period(m.From, m.To).Covers(today) }).OrderByDescending(m => m.IsActive)];
}
