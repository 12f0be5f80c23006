namespace CareWorkspace.Domain.Access;

/// <summary>The facts about one patient that decide who may see what, as they stood at <see cref="AsOf"/>.</summary>
public sealed record PatientRelationship(
    Guid PatientId,
    string? PatientUserId,
    IReadOnlyCollection<Guid> ActiveCareTeamOrganisationIds,
    IReadOnlyCollection<RelativeConsent> Consents,
    DateTimeOffset AsOf)
{
    /// <summary>The moment the facts describe (from the app's clock); consents that end by date are judged at this instant.</summary>
    public DateTimeOffset AsOf { get; init; } = AsOf;
}
