using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Audit;
using CareWorkspace.Infrastructure.Documents;
using CareWorkspace.Web.Components.Layout;
using CareWorkspace.Web.Features.Consents;
using CareWorkspace.Web.Features.Documents;
using CareWorkspace.Web.Features.Patients;
using CareWorkspace.Web.Localization;
using CareWorkspace.Web.Resources;
using Microsoft.Extensions.Localization;

namespace CareWorkspace.Web.Features.AccessLog;

/// <summary>The patient's access log on paper, in the printing user's language: the period and filters, then one row per access.</summary>
public sealed class AccessLogDocument(DocumentFrames frames, IStringLocalizer<AccessLogDocument> text)
{
    public CareDocument Compose(Actor reader, PatientSnapshot patient, AccessLogWindow window, IReadOnlyList<AccessLogEntry> entries, bool more)
    {
        var title = text["Who looked at the record"];
        var period = $"{CareFormat.Date(window.Start)} – {CareFormat.Date(window.End.AddTicks(-1))}";
        var blocks = new List<DocumentBlock>
        {
            new DocumentHeading(title),
            new DocumentFacts([
                new(text["Period"], period),
                new(text["Action"], window.Action is { } action ? AccessLogLabels.For(action) : text["All actions"]),
                new(text["Organisation"], window.OrganisationId is null ? text["All organisations"] : entries.FirstOrDefault()?.Organisation ?? ""),
                new(text["Only emergency access"], window.EmergencyAccessOnly ? text["Yes"] : text["No"]),
            ]),
        };
        if (more)
            blocks.Add(new DocumentParagraph(text["The {0} newest accesses are shown. Download the CSV file for all of them.", entries.Count], Strong: true));
        blocks.Add(entries.Count == 0
            ? new DocumentParagraph(text["No access matches the filters."], Muted: true)
            : new DocumentTable(
                [new(text["When"], 1.5), new(text["Who"], 2.2), new(text["What"], 2), new(text["Action"], 1.1), new(text["Result"], 1), new(text["Reason recorded"], 2.6)],
                entries.Select(e => (IReadOnlyList<string>)[
                    CareFormat.DateTime(e.At),
                    e.Organisation is { Length: > 0 } org ? $"{e.Who} ({RoleLabels.For(e.Role)}, {org})" : $"{e.Who} ({RoleLabels.For(e.Role)})",
                    $"{ConsentLabels.For(e.Section)}: {e.What}",
                    AccessLogLabels.For(e.Action),
                    AccessLogLabels.Outcome(e.Allowed),
                    e.EmergencyAccess ? $"{AccessLogLabels.EmergencyAccess}: {DomainText.FromEnglish(e.Reason)}" : DomainText.FromEnglish(e.Reason)]).ToList()));
        return new CareDocument(frames.For(reader, title, patient.Name, patient.Cpr.Display, period), blocks);
    }
}
