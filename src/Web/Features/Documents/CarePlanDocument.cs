using System.Globalization;
using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.CarePlans;
using CareWorkspace.Infrastructure.Documents;
using CareWorkspace.Web.Features.CarePlans;
using CareWorkspace.Web.Features.Patients;
using CareWorkspace.Web.Localization;
using Microsoft.Extensions.Localization;

namespace CareWorkspace.Web.Features.Documents;

/// <summary>
/// The patient's care plans on paper, in the printing user's language: per plan its conditions, period, status and
/// version, the goals (measure, target, due date, how far, agreed with the patient), the activities by sector, the
/// measurements to follow and the notes. The pathway summary uses <see cref="Goals"/> and <see cref="Activities"/> for its active plans.
/// </summary>
public sealed class CarePlanDocument(DocumentFrames frames, IStringLocalizer<CarePlanDocument> text)
{
    public CareDocument Compose(Actor reader, PatientSnapshot patient, IReadOnlyList<CarePlanView> plans)
    {
        var title = text["Care plan"];
        var blocks = new List<DocumentBlock>();
        if (plans.Count == 0)
            blocks.AddRange([new DocumentHeading(title), new DocumentParagraph(text["The patient has no care plan."], Muted: true)]);
        foreach (var plan in plans)
            blocks.AddRange(Plan(plan));
        var version = plans.Count == 1
            ? text["Plan version {0}", plans[0].Revision]
            : text["Plan versions: {0}", string.Join(", ", plans.Select(p => $"{p.Title} {p.Revision}"))];
        return new CareDocument(frames.For(reader, title, patient.Name, patient.Cpr.Display, version), blocks);
    }

    private IEnumerable<DocumentBlock> Plan(CarePlanView view)
    {
        var plan = view.Plan;
        yield return new DocumentHeading(plan.Title);
        yield return new DocumentFacts([
            new(text["Conditions"], plan.Conditions.Count == 0 ? text["None recorded"] : string.Join("; ", plan.Conditions)),
            new(text["Period"], plan.End is { } end ? $"{CareFormat.Date(plan.Start)} – {CareFormat.Date(end)}" : text["from {0}", CareFormat.Date(plan.Start)]),
            new(text["Status"], Status(plan.Status)),
            new(text["Version"], text["{0}, changed {1} by {2}", view.Revision, CareFormat.DateTime(view.ChangedAt), view.ChangedBy]),
        ]);
        yield return new DocumentHeading(text["Goals"], 2);
        yield return Goals(plan.Goals);
        yield return new DocumentHeading(text["Activities"], 2);
        yield return Activities(plan.Activities);
        if (plan.Measurements.Count > 0)
        {
            yield return new DocumentHeading(text["Measurements to follow"], 2);
            yield return new DocumentTable(
                [new(text["Measurement"], 3), new(text["Unit"], 1.5), new(text["How often"], 2.5)],
                plan.Measurements.Select(m => (IReadOnlyList<string>)[m.Name, m.Unit, m.Frequency ?? ""]).ToList());
        }
        if (plan.Notes.Count > 0)
        {
            yield return new DocumentHeading(text["Notes"], 2);
            foreach (var note in plan.Notes)
                yield return new DocumentParagraph($"{CareFormat.DateTime(note.WrittenAt)}, {note.WrittenBy}: {note.Text}");
        }
    }

    public DocumentBlock Goals(IReadOnlyList<GoalSnapshot> goals) =>
        goals.Count == 0
            ? new DocumentParagraph(text["No goals yet."], Muted: true)
            : new DocumentTable(
                [new(text["Goal"], 3), new(text["Measure and target"], 2.4), new(text["Due"], 1.3), new(text["How far"], 1.3), new(text["Agreed with the patient"], 1.9)],
                goals.Select(g => (IReadOnlyList<string>)[
                    g.Description,
                    $"{g.MeasureName} {Comparator(g.Comparator)} {g.Target.ToString("0.##", CultureInfo.CurrentCulture)} {g.Unit}",
                    g.DueDate is { } due ? CareFormat.Date(due) : "",
                    Achievement(g.Achievement),
                    g.AgreedAt is { } agreed ? text["Yes, {0} ({1})", CareFormat.Date(agreed), g.AgreedBy ?? ""] : text["Not yet"]]).ToList());

    public DocumentBlock Activities(IReadOnlyList<ActivitySnapshot> activities) =>
        activities.Count == 0
            ? new DocumentParagraph(text["No activities yet."], Muted: true)
            : new DocumentTable(
                [new(text["Activity"], 3), new(text["Responsible"], 2.4), new(text["When"], 2), new(text["Status"], 1.3)],
                activities.Select(a => (IReadOnlyList<string>)[
                    a.Description,
                    string.IsNullOrWhiteSpace(a.OrganisationName) ? PatientLabels.For(a.Sector) : $"{a.OrganisationName} ({PatientLabels.For(a.Sector)})",
                    a.Schedule ?? "",
                    Status(a.Status)]).ToList());

    private static string Comparator(GoalComparator comparator) => comparator switch
    {
        GoalComparator.AtMost => "≤",
        GoalComparator.AtLeast => "≥",
        _ => "=",
    };

    private string Status(CarePlanStatus status) => text[status switch
    {
        CarePlanStatus.Draft => "Draft",
        CarePlanStatus.Active => "Active",
        CarePlanStatus.Completed => "Completed",
        _ => "Revoked",
    }];

    private string Status(ActivityStatus status) => text[status switch
    {
        ActivityStatus.NotStarted => "Not started",
        ActivityStatus.Scheduled => "Scheduled",
        ActivityStatus.InProgress => "In progress",
        ActivityStatus.OnHold => "On hold",
        ActivityStatus.Completed => "Completed",
        _ => "Cancelled",
    }];

    private string Achievement(GoalAchievement achievement) => text[achievement switch
    {
        GoalAchievement.InProgress => "In progress",
        GoalAchievement.Improving => "Improving",
        GoalAchievement.Worsening => "Worsening",
        GoalAchievement.Achieved => "Achieved",
        _ => "Not achieved",
    }];
}
