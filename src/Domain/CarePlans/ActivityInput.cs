using CareWorkspace.Domain.Organisations;

namespace CareWorkspace.Domain.CarePlans;

/// <summary>What the editor of an activity enters: what, who is responsible (organisation and sector), when, its status and appointment.</summary>
public sealed record ActivityInput(string? Description, Guid? OrganisationId, string? OrganisationName, Sector Sector, string? Schedule,
    ActivityStatus Status, Guid? AppointmentId);
