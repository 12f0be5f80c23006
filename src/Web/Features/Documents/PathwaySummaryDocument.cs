using CareWorkspace.Domain.Access;
using CareWorkspace.Infrastructure.Documents;
using CareWorkspace.Web.Features.Calendar;
using CareWorkspace.Web.Features.Patients;
using CareWorkspace.Web.Features.Sharing;
using CareWorkspace.Web.Localization;
using Microsoft.Extensions.Localization;

namespace CareWorkspace.Web.Features.Documents;

/// <summary>
/// Writes the pathway summary's content in the printing user's language; a section the reader may not see says so, and
/// where the patient blocked something from the reader it says "some information is blocked by the patient", not what.
/// </summary>
public sealed class PathwaySummaryDocument(DocumentFrames frames, IStringLocalizer<PathwaySummaryDocument> text, IStringLocalizer<SharingNoticeBanner> sharing)
{
    /// <summary>The version of this document's layout, printed in its footer; raise it when its content changes.</summary>
    public const int Version = 1;

    public CareDocument Compose(Actor reader, PatientOverview patient, IReadOnlyList<IReadOnlyList<DocumentBlock>> parts,
        IReadOnlyList<AppointmentView>? appointments, bool somethingBlocked = false)
    {
        var title = text["Pathway summary for the discharge conference"];
        var blocks = new List<DocumentBlock> { new DocumentHeading(title) };
        if (somethingBlocked)
            blocks.Add(new DocumentParagraph(sharing["Some information is blocked by the patient."], Muted: true));
        blocks.AddRange(MasterData(patient));
        blocks.AddRange(CareTeam(patient.CareTeam));
        blocks.AddRange(Conditions(patient.Conditions));
        foreach (var part in parts)
            blocks.AddRange(part);
        blocks.AddRange(Appointments(appointments));
        var frame = frames.For(reader, title, patient.Name, patient.Cpr, text["Document version {0}", Version]);
        return new CareDocument(frame, blocks);
    }

    private IEnumerable<DocumentBlock> MasterData(PatientOverview patient)
    {
        yield return new DocumentHeading(text["Patient"], 2);
        var notRecorded = text["Not recorded"];
        List<DocumentFact> facts =
        [
            new(text["Name"], patient.Name),
            new(text["CPR number"], patient.Cpr),
            new(text["Age"], text["{0} years (born {1})", patient.Age, CareFormat.Date(patient.BirthDate)]),
            new(text["Address"], patient.Address ?? (patient.AddressProtected ? text["Protected (name and address protection)"] : notRecorded)),
            new(text["Phone"], patient.Phone ?? notRecorded),
            new(text["General practitioner"], patient.Gp?.Name ?? notRecorded),
        ];
        if (patient.Relatives is { } relatives)
        {
            foreach (var relative in relatives.Where(r => r.IsContactRelative))
                facts.Add(new(text["Contact relative"], $"{relative.Name} ({PatientLabels.For(relative.Relationship)}), {relative.Phone}"));
        }
        yield return new DocumentFacts(facts);
    }

    private IEnumerable<DocumentBlock> CareTeam(IReadOnlyList<CareTeamRow>? careTeam)
    {
        yield return new DocumentHeading(text["Care team"], 2);
        if (careTeam is null)
            yield return NotShared();
        else if (careTeam.Count == 0)
            yield return new DocumentParagraph(text["No care team recorded."], Muted: true);
        else
            yield return new DocumentTable(
                [new(text["Organisation"], 3), new(text["Sector"], 1.5), new(text["Role"], 2), new(text["Period"], 2.2)],
                careTeam.Select(m => (IReadOnlyList<string>)[m.Organisation.Name, PatientLabels.For(m.Organisation.Sector), PatientLabels.For(m.Role),
                    m.To is { } to ? $"{CareFormat.Date(m.From)} – {CareFormat.Date(to)}" : text["since {0}", CareFormat.Date(m.From)]]).ToList());
    }

    private IEnumerable<DocumentBlock> Conditions(IReadOnlyList<ConditionRow>? conditions)
    {
        yield return new DocumentHeading(text["Conditions"], 2);
        if (conditions is null)
            yield return NotShared();
        else if (conditions.Count == 0)
            yield return new DocumentParagraph(text["No conditions recorded."], Muted: true);
        else
            yield return new DocumentTable(
                [new(text["Condition"], 4), new(text["Code"], 1.5), new(text["Since"], 1.5)],
                conditions.Select(c => (IReadOnlyList<string>)[c.Text, c.Code, CareFormat.MonthYear(c.Onset)]).ToList());
    }

    private IEnumerable<DocumentBlock> Appointments(IReadOnlyList<AppointmentView>? appointments)
    {
        yield return new DocumentHeading(text["Upcoming appointments"], 2);
        if (appointments is null)
            yield return NotShared();
        else if (appointments.Count == 0)
            yield return new DocumentParagraph(text["No upcoming appointments."], Muted: true);
        else
            yield return new DocumentTable(
                [new(text["When"], 2.2), new(text["Appointment"], 2.5), new(text["Where"], 2.8), new(text["Status"], 1.3)],
                appointments.Select(a => (IReadOnlyList<string>)[
                    $"{CareFormat.Date(a.Start)} {CareFormat.TimeRange(a.Start, a.End)}",
                    $"{CalendarLabels.For(a.Type)} ({CalendarLabels.For(a.Mode)})",
                    string.IsNullOrWhiteSpace(a.Location) ? a.OrganisationName : $"{a.OrganisationName}, {a.Location}",
                    CalendarLabels.For(a.Status)]).ToList());
    }

    private DocumentParagraph NotShared() => new(text["Not shared with you."], Muted: true);
}
