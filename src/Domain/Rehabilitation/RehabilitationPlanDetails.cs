namespace CareWorkspace.Domain.Rehabilitation;

/// <summary>What the hospital decides about the rehabilitation, apart from the exercises.</summary>
public sealed record RehabilitationPlanDetails(
    RehabilitationKind Kind,
    Guid ResponsibleOrganisationId,
    DateOnly StartDate,
    int ReviewIntervalWeeks,
    string? Purpose);
