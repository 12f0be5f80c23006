using CareWorkspace.Domain.Access;
using CareWorkspace.Infrastructure.Documents;
using CareWorkspace.Web.Features.Medicines;
using CareWorkspace.Web.Features.Medicines.Allergies;
using CareWorkspace.Web.Features.Medicines.Review;
using CareWorkspace.Web.Features.Patients;
using CareWorkspace.Web.Localization;
using Microsoft.Extensions.Localization;

namespace CareWorkspace.Web.Features.Documents;

/// <summary>
/// The printed medication list, in the printing user's language: the last review and by whom, the allergy (CAVE) register's
/// active entries first, then the current, paused and recently stopped medications, each with where it comes from.
/// </summary>
public sealed class MedicationListDocument(DocumentFrames frames, IStringLocalizer<MedicationListDocument> text)
{
    public CareDocument Compose(Actor reader, PatientSnapshot patient, MedicationView medication, AllergyRegisterView allergies, MedicationReviewView review)
    {
        var title = text["Medication list"];
        var reviewed = review.ReviewedAt is { } at
            ? text["Last reviewed {0} by {1}", CareFormat.DateTime(at), review.ReviewedBy ?? ""]
            : text["Not reviewed in CareWorkspace yet"];
        var blocks = new List<DocumentBlock>
        {
            new DocumentHeading(title),
            new DocumentFacts([new(text["Review"], reviewed)]),
            new DocumentHeading(text["Allergies and intolerances (CAVE)"], 2),
        };
        var active = allergies.Active;
        blocks.Add(active.Count == 0
            ? new DocumentParagraph(text["No allergies or intolerances are recorded."], Muted: true)
            : new DocumentTable(
                [new(text["Substance or drug class"], 2.4), new(text["Reaction"], 2.4), new(text["Severity"], 1.3), new(text["Certainty"], 1.3), new(text["Recorded"], 2.4)],
                [.. active.Select(a => (IReadOnlyList<string>)[a.Name, a.Reaction ?? "", AllergyLabels.For(a.Severity), AllergyLabels.For(a.Certainty),
                    $"{CareFormat.Date(a.RecordedAt)}, {a.RecordedBy} ({AllergyLabels.For(a.Source)})"])]));
        Group(blocks, text["Current medications"], medication.Active);
        Group(blocks, text["Paused medications"], medication.Paused);
        Group(blocks, text["Stopped in the last {0} days", MedicationListService.RecentDays], medication.Stopped);
        return new CareDocument(frames.For(reader, title, patient.Name, patient.Cpr.Display, reviewed), blocks);
    }

    private void Group(List<DocumentBlock> blocks, string heading, IReadOnlyList<MedicationItem> items)
    {
        blocks.Add(new DocumentHeading(heading, 2));
        if (items.Count == 0)
        {
            blocks.Add(new DocumentParagraph(text["None."], Muted: true));
            return;
        }
        blocks.Add(new DocumentTable(
            [new(text["Drug"], 2.6), new(text["ATC"], 1), new(text["Dose"], 2.4), new(text["Route"], 1.2), new(text["Indication"], 1.6),
                new(text["Period"], 1.8), new(text["Source"], 1.8)],
            [.. items.Select(m => (IReadOnlyList<string>)[
                string.Join(" ", new[] { m.DrugName, m.Strength, m.Form }.Where(s => !string.IsNullOrWhiteSpace(s))),
                m.AtcCode ?? "",
                m.AsNeeded ? text["{0} (as needed)", m.DoseText ?? ""] : m.DoseText ?? "",
                m.Route ?? "",
                m.Indication ?? "",
                MedicationLabels.Period(m.Start, m.End),
                string.Join(", ", new[] { MedicationLabels.Source(m.Source), m.Prescriber, m.Organisation }.Where(s => !string.IsNullOrWhiteSpace(s))),
            ])]));
    }
}
