using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Common;
using CareWorkspace.Infrastructure.Access;
using CareWorkspace.Infrastructure.Persistence;
using CareWorkspace.Infrastructure.Realtime;
using CareWorkspace.Web.Features.Pathway;
using Microsoft.EntityFrameworkCore;

namespace CareWorkspace.Web.Features.Consents;

/// <summary>
/// The patient grants and withdraws relatives' access (staff may do it on the patient's behalf, with a reason).
/// Every change is signalled on <see cref="PatientSection.Consents"/>, which every open view of the patient
/// follows, so a withdrawn consent ends the relative's access on screens that are already open.
/// </summary>
public sealed class ConsentService(
    IDbContextFactory<CareDbContext> dbFactory,
    PatientAccessGuard guard,
    IPathwayNotifier notifier,
    TimeProvider clock) : IPatientDataService
{
    public async Task<ConsentsView> GetAsync(Actor actor, Guid patientId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (_, relationship) = await guard.DemandWithRelationshipAsync(db, actor, patientId, AccessAction.Read, PatientSection.Consents, "Consents", ct);
        var consents = await db.RelativeConsents.AsNoTracking().Where(c => c.PatientId == patientId).ToListAsync(ct);
        var relatives = await RelativesWithAccountsAsync(db, patientId, ct);
        await db.SaveChangesAsync(ct);

        var now = clock.GetUtcNow();
        var names = relatives.ToDictionary(r => r.UserId, r => r.Name);
        var formerNames = await db.Users.AsNoTracking()
            .Where(u => consents.Select(c => c.RelativeUserId).Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var views = consents
            .OrderByDescending(c => c.IsActiveAt(now)).ThenByDescending(c => c.GivenAt)
            .Select(c => new ConsentView(c.Id, c.RelativeUserId,
                names.GetValueOrDefault(c.RelativeUserId) ?? formerNames.GetValueOrDefault(c.RelativeUserId) ?? "Former relative",
                c.Sections, c.GivenAt, c.GivenBy, c.GivenReason, c.ValidUntil, c.WithdrawnAt, c.WithdrawnBy, c.WithdrawnReason, c.IsActiveAt(now)))
            .ToList();
        return new ConsentsView(patientId, views, relatives,
            CanGrant: PatientAccessGuard.Permits(actor, relationship, AccessAction.Create, PatientSection.Consents),
            CanWithdraw: PatientAccessGuard.Permits(actor, relationship, AccessAction.Update, PatientSection.Consents),
            ReasonRequired: actor.Role != UserRole.Patient,
            Today: CopenhagenTime.Today(clock));
    }

    /// <summary>Grants a consent; an active consent of the same relative is replaced (withdrawn with a note), never edited.</summary>
    public async Task<Guid> GrantAsync(Actor actor, Guid patientId, ConsentInput input, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await guard.DemandAsync(db, actor, patientId, AccessAction.Create, PatientSection.Consents, "Granted consent to a relative", ct);
        try
        {
            var reason = RequireReason(actor, input.Reason);
            var undefined = input.Sections.Where(s => !Enum.IsDefined(s)).ToList();
            if (undefined.Count > 0)
                throw new DomainException("There is no section {0} to share.", string.Join(", ", undefined.Select(s => (int)s)));
            var relatives = await RelativesWithAccountsAsync(db, patientId, ct);
            var relative = relatives.SingleOrDefault(r => r.UserId == input.RelativeUserId)
                ?? throw new DomainException("A consent can only be given to a person registered as this patient's relative with a CareWorkspace account.");

            var now = clock.GetUtcNow();
            var stamp = ChangeStamps.For(actor, clock);
            var consent = new RelativeConsent(patientId, relative.UserId, input.Sections, now, stamp.ByName, reason, input.ValidUntil);
            var replaced = await db.RelativeConsents
                .Where(c => c.PatientId == patientId && c.RelativeUserId == relative.UserId && c.WithdrawnAt == null)
                .ToListAsync(ct);
            foreach (var old in replaced)
                old.Withdraw(now, stamp.ByName, "Replaced by a new consent.");
            db.RelativeConsents.Add(consent);
            await db.SaveChangesAsync(ct);
            notifier.PathwayChanged(new PathwayChange(patientId, PatientSection.Consents, consent.Id, actor.UserId));
            return consent.Id;
        }
        catch (DomainException refused)
        {
            await guard.RecordRefusedChangeAsync(db, actor, patientId, AccessAction.Create, PatientSection.Consents, "Granted consent to a relative", refused.Message, ct);
            throw;
        }
    }

    public async Task WithdrawAsync(Actor actor, Guid patientId, Guid consentId, string? reason, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await guard.DemandAsync(db, actor, patientId, AccessAction.Update, PatientSection.Consents, "Withdrew a relative's consent", ct);
        try
        {
            var why = RequireReason(actor, reason);
            var consent = await db.RelativeConsents.SingleOrDefaultAsync(c => c.Id == consentId && c.PatientId == patientId, ct)
                ?? throw new DomainException("That consent does not belong to this patient.");
            consent.Withdraw(clock.GetUtcNow(), ChangeStamps.For(actor, clock).ByName, why);
            await db.SaveChangesAsync(ct);
        }
        catch (DomainException refused)
        {
            await guard.RecordRefusedChangeAsync(db, actor, patientId, AccessAction.Update, PatientSection.Consents,
                $"Withdrew a relative's consent ({consentId})", refused.Message, ct);
            throw;
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new DomainException("Someone else changed this consent at the same moment. Look at the list again: it may already be withdrawn.");
        }
        notifier.PathwayChanged(new PathwayChange(patientId, PatientSection.Consents, consentId, actor.UserId));
    }

    private static string? RequireReason(Actor actor, string? reason)
    {
        if (actor.Role != UserRole.Patient && string.IsNullOrWhiteSpace(reason))
            throw new DomainException("Staff changing a consent on the patient's behalf must give the reason (e.g. \"At the patient's request by phone\").");
        return string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
    }

    private static async Task<List<ConsentableRelative>> RelativesWithAccountsAsync(CareDbContext db, Guid patientId, CancellationToken ct)
    {
        var registered = await db.Patients.AsNoTracking().Where(p => p.Id == patientId)
            .SelectMany(p => p.Relatives).Where(r => r.UserId != null)
            .Select(r => new { UserId = r.UserId!, r.Name })
            .ToListAsync(ct);
        var ids = registered.Select(r => r.UserId).ToList();
        var relativeAccounts = await db.Users.AsNoTracking()
            .Where(u => ids.Contains(u.Id) && u.Role == UserRole.Relative)
            .Select(u => u.Id)
            .ToListAsync(ct);
        return registered.Where(r => relativeAccounts.Contains(r.UserId)).Select(r => new ConsentableRelative(r.UserId, r.Name)).ToList();
    }
}
