using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Triage;

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
    IReadOnlySet<PatientSection> VisibleSections)
{
    /// <summary>The citizen's current triage colour (municipal early detection), only for viewers who may read the triage.</summary>
    public TriageColour? TriageColour { get; init; }

    /// <summary>Whether the two headers show the same (the lists compared by content, not by reference).</summary>
    public static bool Same(PathwayHeader? a, PathwayHeader? b) =>
        ReferenceEquals(a, b) || (a is not null && b is not null
            && a.PatientId == b.PatientId && a.Name == b.Name && a.Cpr == b.Cpr && a.Age == b.Age
            && a.ContactRelativeName == b.ContactRelativeName && a.ContactRelativePhone == b.ContactRelativePhone && a.GpName == b.GpName
            && a.ActiveConditions.SequenceEqual(b.ActiveConditions, StringComparer.Ordinal)
            && a.VisibleSections.SetEquals(b.VisibleSections) && a.TriageColour == b.TriageColour);
}
