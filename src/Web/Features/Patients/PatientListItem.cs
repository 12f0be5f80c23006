namespace CareWorkspace.Web.Features.Patients;

public sealed record PatientListItem(Guid Id, string Name, string Cpr, int Age, string? City);

public sealed record PatientSearchResult(IReadOnlyList<PatientListItem> Items, int TotalCount, string? Problem)
{
    public static PatientSearchResult Refused(string problem) => new([], 0, problem);
}
