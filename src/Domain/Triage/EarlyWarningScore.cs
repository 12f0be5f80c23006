namespace CareWorkspace.Domain.Triage;

/// <summary>
/// An early-warning score (NEWS2 or TOBS) of the measured vital signs: the total and the points of each parameter that
/// was measured. <see cref="Complete"/> is false when a parameter of the score was not measured; the total is then the
/// sum of those that were.
/// </summary>
public sealed record EarlyWarningScore(int Total, IReadOnlyList<ParameterScore> Parameters, bool Complete)
{
    public int? PointsOf(VitalSign parameter) => Parameters.FirstOrDefault(p => p.Parameter == parameter)?.Points;

    public bool AnyParameterScores(int points) => Parameters.Any(p => p.Points >= points);

    internal static EarlyWarningScore Of(IEnumerable<ParameterScore?> scored, int parameterCount)
    {
        var parameters = scored.OfType<ParameterScore>().ToList();
        return new EarlyWarningScore(parameters.Sum(p => p.Points), parameters, parameters.Count == parameterCount);
    }
}
