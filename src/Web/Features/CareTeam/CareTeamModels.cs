using CareWorkspace.Domain.Organisations;
using CareWorkspace.Domain.Patients;

namespace CareWorkspace.Web.Features.CareTeam;

public sealed record CareTeamView(
    Guid PatientId,
    IReadOnlyList<CareTeamMemberView> Members,
    IReadOnlyList<RelativeView>? Relatives,
    ContactChannel PreferredContactChannel,
    IReadOnlyList<OrganisationOption> Organisations,
    bool CanEdit);

public sealed record CareTeamMemberView(
    Guid Id, Guid Version, Guid OrganisationId, string OrganisationName, Sector Sector, CareTeamRole Role,
    string? PersonName, string? Phone, DateOnly From, DateOnly? To, bool IsActive, string? ChangedBy, DateTimeOffset? ChangedAt);

public sealed record RelativeView(Guid Id, Guid Version, string Name, RelationshipCode Relationship, string Phone, bool IsContactRelative);

public sealed record OrganisationOption(Guid Id, string Name, Sector Sector);

/// <summary>What the editor typed for a care team member.</summary>
public sealed record CareTeamMemberInput(Guid OrganisationId, CareTeamRole Role, string? PersonName, string? Phone, DateOnly From, DateOnly? To);

public sealed record RelativeInput(string Name, RelationshipCode Relationship, string Phone, bool IsContactRelative);
