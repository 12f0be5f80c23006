using CareWorkspace.Domain.Rehabilitation;
using CareWorkspace.Web.Localization;
using Microsoft.Extensions.Localization;

namespace CareWorkspace.Web.Features.Rehabilitation;

/// <summary>The words for a plan's kind, a session's outcome and an exercise's dose, in the reader's language.</summary>
public static class RehabilitationLabels
{
    private static IStringLocalizer L => StaticText.For(typeof(RehabilitationLabels));

    public static string For(RehabilitationKind kind) => kind switch
    {
        RehabilitationKind.General => L["General rehabilitation"],
        RehabilitationKind.Specialised => L["Specialised rehabilitation"],
        _ => kind.ToString(),
    };

    public static string For(SessionOutcome outcome) => outcome switch
    {
        SessionOutcome.Done => L["Done"],
        SessionOutcome.Partly => L["Partly done"],
        SessionOutcome.NotDone => L["Not done"],
        _ => outcome.ToString(),
    };

    /// <summary>"3 × 10 repetitions, 3 times a week" or "20 minutes, 5 times a week".</summary>
    public static string Dose(ExerciseView e)
    {
        var amount = e.Repetitions is { } repetitions
            ? e.Sets is { } sets ? L["{0} × {1} repetitions", sets, repetitions] : L["{0} repetitions", repetitions]
            : e.Sets is { } s ? L["{0} × {1} minutes", s, e.DurationMinutes ?? 0] : L["{0} minutes", e.DurationMinutes ?? 0];
        return L["{0}, {1} times a week", amount, e.TimesPerWeek];
    }

    public static string Exercise(string? name) => name ?? L["Whole programme"];
}
