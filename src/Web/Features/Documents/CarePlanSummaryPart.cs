using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.CarePlans;
using CareWorkspace.Infrastructure.Documents;
using CareWorkspace.Infrastructure.Persistence;
using CareWorkspace.Web.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CareWorkspace.Web.Features.Documents;

/// <summary>The active care plans in the pathway summary: per plan its period and version, its goals and its activities.</summary>
public sealed class CarePlanSummaryPart(
    IDbContextFactory<CareDbContext> dbFactory,
    CarePlanDocument plans,
    IStringLocalizer<CarePlanSummaryPart> text) : IPathwaySummaryPart
{
    public PatientSection Section => PatientSection.CarePlan;

    public int Order => 10;

    public async Task<IReadOnlyList<DocumentBlock>> ComposeAsync(Actor reader, Guid patientId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var active = (await CarePlanReads.PrintableAsync(db, patientId, ct)).Where(p => p.Status == CarePlanStatus.Active).ToList();
        var blocks = new List<DocumentBlock> { new DocumentHeading(text["Active care plans"], 2) };
        if (active.Count == 0)
            blocks.Add(new DocumentParagraph(text["No active care plan."], Muted: true));
        foreach (var plan in active)
        {
            blocks.Add(new DocumentParagraph(text["{0} (version {1}, from {2})", plan.Title, plan.Revision, CareFormat.Date(plan.Plan.Start)], Strong: true));
            blocks.Add(plans.Goals(plan.Plan.Goals));
            blocks.Add(plans.Activities(plan.Plan.Activities));
        }
        return blocks;
    }
}
