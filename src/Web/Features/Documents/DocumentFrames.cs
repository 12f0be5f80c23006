using CareWorkspace.Domain.Access;
using CareWorkspace.Infrastructure.Documents;
using CareWorkspace.Web.Localization;
using Microsoft.Extensions.Localization;

namespace CareWorkspace.Web.Features.Documents;

/// <summary>
/// The header and footer every printed document carries, in the printing user's language: the patient's name and CPR,
/// who printed it and when (Copenhagen time), which version of the document or plan, and "Page N of M".
/// </summary>
public sealed class DocumentFrames(TimeProvider clock, IStringLocalizer<DocumentFrames> text)
{
    public DocumentFrame For(Actor printedBy, string title, string patientName, string cpr, string version)
    {
        var who = printedBy.OrganisationName is { Length: > 0 } organisation
            ? text["Printed by {0}, {1}", printedBy.DisplayName, organisation]
            : text["Printed by {0}", printedBy.DisplayName];
        return new DocumentFrame(title, patientName, text["CPR {0}", cpr],
            [who, text["Printed {0}", CareFormat.DateTime(clock.GetUtcNow())], version],
            text["Page {0} of {1}"]);
    }
}
