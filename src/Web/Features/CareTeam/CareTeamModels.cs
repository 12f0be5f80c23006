using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Organisations;
using CareWorkspace.Domain.Patients;

namespace CareWorkspace.Web.Features.CareTeam;

public sealed record CareTeamView(
    Guid PatientId,
    IReadOnlyList<CareTeamMemberView> Members,
    IReadOnlyList<RelativeView>? Relatives,
    ContactChannel PreferredContactChannel,
    IReadOnlyList<OrganisationOption> Organisations,
    CareTeamPermissions Can,
    DateOnly Today)
{
    /// <summary>The sections the tab reads, each recorded for the part of the tab it shows.</summary>
    public static readonly PatientSection[] Parts = [PatientSection.CareTeam, PatientSection.Relatives];

    /// <summary>
    /// Whether <paramref name="other"/> shows the same as this view in one part of the tab: the care team (its members,
    /// the preferred contact channel, the organisations offered and what the viewer may change there), or the relatives
    /// (the list, or that they are not shared, and whether the viewer may change them). Lists are compared by content.
    /// </summary>
    public bool ShowsTheSame(PatientSection part, CareTeamView other) => part switch
    {
        PatientSection.CareTeam => PatientId == other.PatientId && Today == other.Today
            && PreferredContactChannel == other.PreferredContactChannel
            && Members.SequenceEqual(other.Members) && Organisations.SequenceEqual(other.Organisations)
            && Can.AddMember == other.Can.AddMember && Can.ChangeContactChannel == other.Can.ChangeContactChannel,
        PatientSection.Relatives => PatientId == other.PatientId
            && (Relatives is null ? other.Relatives is null : other.Relatives is not null && Relatives.SequenceEqual(other.Relatives))
            && Can.EditRelatives == other.Can.EditRelatives && Can.RemoveRelatives == other.Can.RemoveRelatives,
        _ => throw new ArgumentOutOfRangeException(nameof(part), part, "The care team tab shows the care team and the relatives."),
    };
}

/// <summary>What this viewer may change here, from the access matrix: the UI offers only what will be allowed.</summary>
public sealed record CareTeamPermissions(bool AddMember, bool EditRelatives, bool RemoveRelatives, bool ChangeContactChannel)
{
    public static readonly CareTeamPermissions None = new(false, false, false, false);
}

public sealed record CareTeamMemberView(
    Guid Id, Guid Version, Guid OrganisationId, string OrganisationName, Sector Sector, CareTeamRole Role,
    string? PersonName, string? Phone, DateOnly From, DateOnly? To, bool IsActive, string? ChangedBy, DateTimeOffset? ChangedAt,
    string? Reason = null, bool CanChange = false, OrganisationContact? Contact = null)
{
    /// <summary>An ended membership is history: it is not edited, the organisation is added again instead.</summary>
    public bool HasEnded(DateOnly today) => To is { } to && to < today;
}

public sealed record RelativeView(Guid Id, Guid Version, string Name, RelationshipCode Relationship, string Phone, bool IsContactRelative);

public sealed record OrganisationOption(Guid Id, string Name, Sector Sector);

/// <summary>How to reach an organisation, as the organisation register (SOR) gave it when it was last checked.</summary>
public sealed record OrganisationContact(string? Address, string? Phone, DateTimeOffset CheckedAt, SorStatus Status)
{
    public static OrganisationContact? Of(Organisation organisation) => organisation.SorCheckedAt is { } checkedAt
        ? new OrganisationContact(organisation.Address?.ToString(), organisation.Phone, checkedAt, organisation.SorStatus)
        : null;
}

/// <summary>What the editor typed for a care team member.</summary>
/// <summary>What the editor typed for a care team member; the reason is required when an organisation is added.</summary>
public sealed record CareTeamMemberInput(Guid OrganisationId, CareTeamRole Role, string? PersonName, string? Phone, DateOnly From, DateOnly? To, string? Reason = null);

public sealed record RelativeInput(string Name, RelationshipCode Relationship, string Phone, bool IsContactRelative);
