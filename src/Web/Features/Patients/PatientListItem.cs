namespace CareWorkspace.Web.Features.Patients;

/// <summary>One search hit; CPR, age and city are empty for a relative whose consent does not include personal details.</summary>
public sealed record PatientListItem(Guid Id, string Name, string? Cpr, int? Age, string? City);

public sealed record PatientSearchResult(IReadOnlyList<PatientListItem> Items, int TotalCount, string? Problem)
{
    public static PatientSearchResult Refused(string problem) => new([], 0, problem);
}
