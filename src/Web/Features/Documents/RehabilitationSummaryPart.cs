using CareWorkspace.Domain.Access;
using CareWorkspace.Infrastructure.Documents;
using CareWorkspace.Web.Features.Rehabilitation;
using CareWorkspace.Web.Localization;
using Microsoft.Extensions.Localization;

namespace CareWorkspace.Web.Features.Documents;

/// <summary>The current rehabilitation plan in the pathway summary: kind, responsible unit, next review and the exercises.</summary>
public sealed class RehabilitationSummaryPart(
    RehabilitationPlanService rehabilitation,
    RehabilitationPlanDocument sheet,
    IStringLocalizer<RehabilitationSummaryPart> text) : IPathwaySummaryPart
{
    public PatientSection Section => PatientSection.Rehabilitation;

    public int Order => 20;

    public async Task<IReadOnlyList<DocumentBlock>> ComposeAsync(Actor reader, Guid patientId, CancellationToken ct)
    {
        var plan = await rehabilitation.ReadCurrentPlanAsync(patientId, ct);
        var heading = new DocumentHeading(text["Rehabilitation plan"], 2);
        if (plan is null)
            return [heading, new DocumentParagraph(text["No rehabilitation plan."], Muted: true)];
        return
        [
            heading,
            new DocumentParagraph(text["{0}, {1}, from {2}; next review {3}", RehabilitationLabels.For(plan.Kind), plan.ResponsibleOrganisationName,
                CareFormat.Date(plan.StartDate), CareFormat.Date(plan.NextReview)], Strong: true),
            sheet.Exercises(plan),
        ];
    }
}
