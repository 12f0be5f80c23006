namespace CareWorkspace.Domain.Triage;

/// <summary>
/// The colour the rules suggest for one recorded visit, every reason that applied (most urgent first) and the scores
/// it rests on. Staff confirm it or choose another colour: the suggestion only supports a human decision.
/// </summary>
public sealed record TriageSuggestion(TriageColour Colour, IReadOnlyList<TriageReason> Reasons, EarlyWarningScore? News2, EarlyWarningScore? Tobs)
{
    public const int RedNews2Total = 5;
    public const int RedTobsTotal = 4;
    public const int YellowTobsTotal = 2;
    public const int SingleParameterRed = 3;

    /// <summary>The colour rules of docs/triage.md, applied to a change form's answers and vital signs.</summary>
    public static TriageSuggestion Of(IEnumerable<ItemAnswer> answers, VitalSigns vitals)
    {
        var news2 = Triage.News2.Score(vitals);
        var tobs = Triage.Tobs.Score(vitals);
        var reasons = new List<TriageReason>();

        if (news2 is { Total: >= RedNews2Total })
            reasons.Add(new(TriageReasonKind.News2High, TriageColour.Red, news2.Total));
        foreach (var parameter in news2?.Parameters.Where(p => p.Points >= SingleParameterRed) ?? [])
            reasons.Add(new(TriageReasonKind.News2SingleParameter, TriageColour.Red, parameter.Points, parameter.Parameter));
        if (tobs is { Total: >= RedTobsTotal })
            reasons.Add(new(TriageReasonKind.TobsHigh, TriageColour.Red, tobs.Total));
        foreach (var parameter in tobs?.Parameters.Where(p => p.Points >= SingleParameterRed) ?? [])
            reasons.Add(new(TriageReasonKind.TobsSingleParameter, TriageColour.Red, parameter.Points, parameter.Parameter));

        if (news2 is { Total: > 0 and < RedNews2Total })
            reasons.Add(new(TriageReasonKind.News2Low, TriageColour.Yellow, news2.Total));
        if (tobs is { Total: >= YellowTobsTotal and < RedTobsTotal })
            reasons.Add(new(TriageReasonKind.TobsRaised, TriageColour.Yellow, tobs.Total));
        foreach (var changed in answers.Where(a => a.Changed))
            reasons.Add(new(TriageReasonKind.ItemChanged, TriageColour.Yellow, ItemKey: changed.ItemKey));

        if (reasons.Count == 0)
            reasons.Add(new(TriageReasonKind.AsUsual, TriageColour.Green));
        return new TriageSuggestion(reasons.Max(r => r.Colour), reasons, news2, tobs);
    }
}
