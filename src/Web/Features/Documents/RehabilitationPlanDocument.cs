using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Common;
using CareWorkspace.Infrastructure.Documents;
using CareWorkspace.Web.Features.Patients;
using CareWorkspace.Web.Features.Rehabilitation;
using CareWorkspace.Web.Localization;
using Microsoft.Extensions.Localization;

namespace CareWorkspace.Web.Features.Documents;

/// <summary>
/// The exercise sheet a patient takes home, in the printing user's language: the plan's facts, each exercise with how to
/// do it and how much, and a tick table with a box for every planned time in each of the coming weeks.
/// </summary>
public sealed class RehabilitationPlanDocument(DocumentFrames frames, TimeProvider clock, IStringLocalizer<RehabilitationPlanDocument> text)
{
    /// <summary>The tick table covers the weeks until the next review, at least four and at most eight.</summary>
    public const int MinWeeks = 4;

    public const int MaxWeeks = 8;

    public CareDocument Compose(Actor reader, PatientSnapshot patient, RehabilitationPlanView? plan)
    {
        var title = text["Exercise programme"];
        var blocks = new List<DocumentBlock> { new DocumentHeading(title) };
        if (plan is null)
        {
            blocks.Add(new DocumentParagraph(text["The patient has no rehabilitation plan."], Muted: true));
            return new CareDocument(frames.For(reader, title, patient.Name, patient.Cpr.Display, ""), blocks);
        }
        blocks.Add(new DocumentFacts([
            new(text["Rehabilitation"], RehabilitationLabels.For(plan.Kind)),
            new(text["Responsible unit"], plan.ResponsibleOrganisationName),
            new(text["Start"], CareFormat.Date(plan.StartDate)),
            new(text["Review"], text["Every {0} weeks; next {1}", plan.ReviewIntervalWeeks, CareFormat.Date(plan.NextReview)]),
            .. string.IsNullOrWhiteSpace(plan.Purpose) ? Array.Empty<DocumentFact>() : [new DocumentFact(text["Purpose"], plan.Purpose)],
        ]));
        blocks.Add(new DocumentParagraph(text["Do the exercises as described below and tick a box each time you have done one. Stop and contact {0} if the pain gets worse.", plan.ResponsibleOrganisationName]));
        blocks.Add(new DocumentHeading(text["Exercises"], 2));
        blocks.Add(Exercises(plan));
        blocks.Add(new DocumentHeading(text["Tick when done"], 2));
        blocks.Add(TickTable(plan));
        var changed = plan.ChangedAt ?? plan.CreatedAt;
        var version = text["Plan of {0} ({1})", CareFormat.DateTime(changed), plan.ChangedBy ?? plan.CreatedBy];
        return new CareDocument(frames.For(reader, title, plan.PatientName, plan.PatientCpr, version), blocks);
    }

    /// <summary>Each exercise with how to do it and how much (the pathway summary shows it too).</summary>
    public DocumentTable Exercises(RehabilitationPlanView plan) =>
        new([new(text["Exercise"], 2.2), new(text["How to do it"], 4), new(text["How much"], 2.2), new(text["Times a week"], 1.2)],
            plan.Exercises.Select(e => (IReadOnlyList<string>)[e.Name, e.Instructions ?? "", Amount(e), CareFormat.Number((decimal)e.TimesPerWeek)]).ToList());

    private string Amount(ExerciseView e)
    {
        var count = e.Repetitions is { } repetitions ? text["{0} repetitions", repetitions] : text["{0} minutes", e.DurationMinutes ?? 0];
        return e.Sets is { } sets ? text["{0} sets of {1}", sets, count] : count;
    }

    private DocumentTable TickTable(RehabilitationPlanView plan)
    {
        var today = CopenhagenTime.Today(clock);
        var from = today > plan.StartDate ? today : plan.StartDate;
        var monday = from.AddDays(-(((int)from.DayOfWeek + 6) % 7));
        var weeks = Enumerable.Range(0, Math.Clamp(plan.ReviewIntervalWeeks, MinWeeks, MaxWeeks)).Select(w => monday.AddDays(7 * w)).ToList();
        return new DocumentTable(
            [new(text["Exercise"], 2.4), .. weeks.Select(w => new DocumentColumn(CareFormat.Week(w), 1))],
            plan.Exercises.Select(e => (IReadOnlyList<string>)[e.Name, .. weeks.Select(_ => Boxes(e.TimesPerWeek))]).ToList());
    }

    /// <summary>One box a planned time; a programme of many times a week gets a line to write the count on.</summary>
    private static string Boxes(int timesPerWeek) =>
        timesPerWeek <= 7 ? string.Join(" ", Enumerable.Repeat("☐", timesPerWeek)) : $"___ / {timesPerWeek}";
}
