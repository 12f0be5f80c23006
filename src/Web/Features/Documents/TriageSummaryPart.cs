using System.Globalization;
using CareWorkspace.Domain.Access;
using CareWorkspace.Infrastructure.Documents;
using CareWorkspace.Infrastructure.Persistence;
using CareWorkspace.Web.Features.Triage;
using CareWorkspace.Web.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CareWorkspace.Web.Features.Documents;

/// <summary>The citizen's early-detection status in the pathway summary: the latest triage colour, its scores and the open action plans.</summary>
public sealed class TriageSummaryPart(
    IDbContextFactory<CareDbContext> dbFactory,
    IStringLocalizer<TriageSummaryPart> text) : IPathwaySummaryPart
{
    public PatientSection Section => PatientSection.Triage;

    public int Order => 30;

    public async Task<IReadOnlyList<DocumentBlock>> ComposeAsync(Actor reader, Guid patientId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var latest = await db.TriageObservations.AsNoTracking().Where(o => o.PatientId == patientId)
            .OrderByDescending(o => o.RecordedAt).FirstOrDefaultAsync(ct);
        var heading = new DocumentHeading(text["Early detection"], 2);
        if (latest is null)
            return [heading, new DocumentParagraph(text["No change form recorded."], Muted: true)];
        var plans = await db.TriageActionPlans.AsNoTracking().Where(p => p.PatientId == patientId && p.ClosedAt == null)
            .OrderBy(p => p.DueAt).ToListAsync(ct);
        var blocks = new List<DocumentBlock>
        {
            heading,
            new DocumentParagraph(text["{0}, recorded {1} by {2}", TriageLabels.For(latest.Colour), CareFormat.DateTime(latest.RecordedAt),
                latest.RecordedByName], Strong: true),
            new DocumentParagraph(text["NEWS2 {0} · TOBS {1}", Score(latest.News2Total), Score(latest.TobsTotal)]),
        };
        foreach (var plan in plans)
            blocks.Add(new DocumentParagraph(text["Action plan ({0}): {1} Due {2}.", TriageLabels.For(plan.Colour), plan.Plan, CareFormat.DateTime(plan.DueAt)]));
        return blocks;
    }

    private string Score(int? total) => total?.ToString(CultureInfo.CurrentCulture) ?? text["not measured"];
}
