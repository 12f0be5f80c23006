using CareWorkspace.Infrastructure.Triage;

namespace CareWorkspace.Web.Features.TriageBoard;

/// <summary>
/// A column's cards cut into short runs, in the column's order, so that a change to one citizen re-renders one run and not
/// the whole column (a unit has hundreds of green citizens, on every device of the unit). A run ends after a citizen whose id
/// says so (about one in <see cref="AverageLength"/>), not after a fixed count: a card moving into or out of the column then
/// changes only its own run, where cutting every n cards would shift every run after it.
/// </summary>
internal static class CardGroups
{
    public const int AverageLength = 16;

    /// <summary>One run of cards, named by the citizen that ends it (<see cref="Guid.Empty"/> for the column's last run).</summary>
    public readonly record struct Run(Guid Key, IReadOnlyList<BoardCitizen> Citizens);

    public static List<Run> Of(IReadOnlyList<BoardCitizen> citizens)
    {
        var runs = new List<Run>(citizens.Count / AverageLength + 1);
        var run = new List<BoardCitizen>(AverageLength);
        foreach (var citizen in citizens)
        {
            run.Add(citizen);
            if (EndsRun(citizen.PatientId))
            {
                runs.Add(new Run(citizen.PatientId, run));
                run = new List<BoardCitizen>(AverageLength);
            }
        }
        if (run.Count > 0)
            runs.Add(new Run(Guid.Empty, run));
        return runs;
    }

    private static bool EndsRun(Guid patientId) => (uint)patientId.GetHashCode() % AverageLength == 0;
}
