using CareWorkspace.Domain.Access;

namespace CareWorkspace.Web.Features.Pathway;

/// <summary>The top of the pathway page: who the patient is and whom to call. CPR and age only with access to personal details.</summary>
public sealed record PathwayHeader(
    Guid PatientId,
    string Name,
    string? Cpr,
    int? Age,
    string? ContactRelativeName,
    string? ContactRelativePhone,
    string? GpName,
    IReadOnlyList<string> ActiveConditions,
    IReadOnlySet<PatientSection> VisibleSections);
