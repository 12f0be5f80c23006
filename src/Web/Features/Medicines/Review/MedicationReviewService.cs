using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Medicines;
using CareWorkspace.Infrastructure.Access;
using CareWorkspace.Infrastructure.Persistence;
using CareWorkspace.Infrastructure.Realtime;
using Microsoft.EntityFrameworkCore;

namespace CareWorkspace.Web.Features.Medicines.Review;

/// <summary>
/// The last review of the patient's medication list, and who made it: read by everyone who reads the medication, recorded by
/// the clinicians who may change it (a review is a new row; the section shows the latest). Guarded in the Medication
/// section and signalled live like the rest of the medication record.
/// </summary>
public sealed class MedicationReviewService(
    IDbContextFactory<CareDbContext> dbFactory,
    PatientAccessGuard guard,
    IPathwayNotifier notifier,
    TimeProvider clock) : IPatientDataService
{
    public async Task<MedicationReviewView> GetAsync(Actor actor, Guid patientId, CancellationToken ct = default)
    {
        var (_, relationship) = await guard.DemandSharedReadAsync(actor, patientId, PatientSection.Medication, "Medication review", ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var latest = await LatestAsync(db, patientId, ct);
        return new MedicationReviewView(latest?.ReviewedBy, latest?.ReviewedAt,
            PatientAccessGuard.Permits(actor, relationship, AccessAction.Create, PatientSection.Medication));
    }

    /// <summary>Records that the user reviewed the list now. Returns the review's id.</summary>
    public Task<Guid> MarkReviewedAsync(Actor actor, Guid patientId, CancellationToken ct = default) =>
        new SectionWriter(dbFactory, guard, notifier, clock, PatientSection.Medication).WriteAsync(actor, patientId, AccessAction.Create,
            "Marked medication list reviewed", (db, _, stamp) =>
            {
                var review = MedicationReview.Record(patientId, stamp);
                db.MedicationReviews.Add(review);
                return Task.FromResult<(Guid, Guid?)>((review.Id, null));
            }, ct);

    internal static Task<MedicationReview?> LatestAsync(CareDbContext db, Guid patientId, CancellationToken ct) =>
        db.MedicationReviews.AsNoTracking().Where(r => r.PatientId == patientId)
            .OrderByDescending(r => r.ReviewedAt).FirstOrDefaultAsync(ct);
}

/// <summary>The latest review (none yet when both are null), and whether the viewer may mark the list reviewed.</summary>
public sealed record MedicationReviewView(string? ReviewedBy, DateTimeOffset? ReviewedAt, bool CanReview);
