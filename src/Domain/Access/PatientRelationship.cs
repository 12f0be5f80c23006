namespace CareWorkspace.Domain.Access;

/// <summary>The facts about one patient that decide who may see what: loaded once per question.</summary>
public sealed record PatientRelationship(
    Guid PatientId,
    string? PatientUserId,
    IReadOnlyCollection<Guid> ActiveCareTeamOrganisationIds,
    IReadOnlyCollection<RelativeConsent> Consents);
