using CareWorkspace.Domain.Organisations;
using CareWorkspace.Domain.Patients;

namespace CareWorkspace.Web.Features.Patients;

/// <summary>What the overview page shows; sections the viewer may not see are null.</summary>
public sealed record PatientOverview(
    Guid Id,
    string Name,
    string Cpr,
    DateOnly BirthDate,
    int Age,
    string? Address,
    string? Phone,
    OrganisationRef? Gp,
    IReadOnlyList<RelativeRow>? Relatives,
    IReadOnlyList<CareTeamRow>? CareTeam,
    IReadOnlyList<ConditionRow>? Conditions,
    bool AddressProtected = false,
    bool Deceased = false);

public sealed record OrganisationRef(Guid Id, string Name, string Sor, Sector Sector);

public sealed record RelativeRow(string Name, RelationshipCode Relationship, string Phone, bool IsContactRelative);

public sealed record CareTeamRow(OrganisationRef Organisation, CareTeamRole Role, DateOnly From, DateOnly? To, bool IsActive);

/// <summary>A condition on the record; <paramref name="Id"/> is what a patient's block names.</summary>
public sealed record ConditionRow(Guid Id, string CodeSystem, string Code, string Text, DateOnly Onset);
