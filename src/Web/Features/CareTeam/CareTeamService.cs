using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Common;
using CareWorkspace.Domain.Pathway;
using CareWorkspace.Domain.Patients;
using CareWorkspace.Infrastructure.Access;
using CareWorkspace.Infrastructure.Live;
using CareWorkspace.Infrastructure.Persistence;
using CareWorkspace.Infrastructure.Realtime;
using CareWorkspace.Web.Features.Pathway;
using Microsoft.EntityFrameworkCore;

namespace CareWorkspace.Web.Features.CareTeam;

/// <summary>
/// The shared master data: care team members, contact relatives and the preferred contact channel.
/// Every change is checked for staleness, committed, then signalled to everyone viewing the pathway.
/// </summary>
public sealed class CareTeamService(
    IDbContextFactory<CareDbContext> dbFactory,
    PatientAccessGuard guard,
    IPathwayNotifier notifier,
    SharedReads sharedReads,
    TimeProvider clock) : IPatientDataService
{
    /// <summary>
    /// The viewer's care team view: the relationship and the data are shared reads (one per change for all viewers),
    /// the decision is this viewer's own, and the view is built only once its access records are durable.
    /// </summary>
    public async Task<CareTeamView> GetAsync(Actor actor, Guid patientId, CancellationToken ct = default)
    {
        var (sections, relationship) = await guard.DemandSharedReadAsync(actor, patientId, PatientSection.CareTeam,
            What, ct, PatientSection.Relatives);
        return (await SnapshotAsync(patientId, ct)).For(actor, relationship, sections, Today);
    }

    /// <summary>
    /// A live re-check of the tab the viewer has open (a watched section changed, or the browser reconnected): the
    /// viewer's own decision and view are worked out in memory on the shared reads, and each part of the tab (the care
    /// team, the relatives) is recorded only when it shows something <paramref name="shown"/> did not, durable before
    /// the view returns. When no part differs, nothing is recorded and <paramref name="shown"/> comes back. A part read
    /// under emergency access is always recorded; a refusal or an unknown patient is the ordinary <see cref="GetAsync"/>,
    /// recorded (ADR-003).
    /// </summary>
    public async Task<CareTeamView> RecheckAsync(Actor actor, Guid patientId, CareTeamView shown, CancellationToken ct = default)
    {
        if (shown.PatientId != patientId || await guard.SharedRelationshipAsync(patientId, ct) is not { } relationship
            || PatientAccessGuard.SharedReadOf(actor, relationship, PatientSection.CareTeam, PatientSection.Relatives) is not { } decided)
            return await GetAsync(actor, patientId, ct);
        var view = (await SnapshotAsync(patientId, ct)).For(actor, relationship, decided.Keys.ToHashSet(), Today);
        // A part no longer read (relatives not shared any more) shows no patient data: it renders, with nothing to record.
        var anew = decided.Where(d => d.Value.UnderEmergencyAccess || !shown.ShowsTheSame(d.Key, view)).Select(d => d.Key).ToList();
        if (anew.Count > 0)
            await guard.RecordSharedReadAsync(actor, relationship, anew[0], What, ct, [.. anew.Skip(1)]);
        else if (CareTeamView.Parts.All(part => shown.ShowsTheSame(part, view)))
            return shown;
        return view;
    }

    private const string What = "Care team & contacts";

    private Task<CareTeamSnapshot> SnapshotAsync(Guid patientId, CancellationToken ct) =>
        sharedReads.GetAsync(patientId, CareTeamSnapshot.Key, CareTeamSnapshot.DependsOn,
            (db, c) => CareTeamSnapshot.ReadAsync(db, patientId, c), ct: ct);

    public Task<Guid> AddMemberAsync(Actor actor, Guid patientId, CareTeamMemberInput input, CancellationToken ct = default) =>
        ChangeAsync(actor, patientId, AccessAction.Create, PatientSection.CareTeam, "Added care team member", async (db, patient, stamp) =>
        {
            var organisation = await db.Organisations.SingleOrDefaultAsync(o => o.Id == input.OrganisationId, ct)
                ?? throw new DomainException("Choose an organisation that exists.");
            var member = patient.JoinCareTeam(organisation.Id, input.Role, new Period(input.From, input.To), input.PersonName, input.Phone, stamp, input.Reason ?? "");
            db.PathwayEvents.Add(PathwayEvent.CareTeamJoined(patientId, stamp.At, organisation, input.Role, member.Reason, stamp.ByName));
            return member.Id;
        }, ct);

    public Task ChangeMemberAsync(Actor actor, Guid patientId, Guid memberId, Guid expectedVersion, CareTeamMemberInput input, CancellationToken ct = default) =>
        ChangeMembershipAsync(actor, patientId, memberId, "Changed care team member", (db, patient, stamp) =>
        {
            patient.ChangeCareTeamMember(memberId, expectedVersion, input.Role, input.PersonName, input.Phone, new Period(input.From, input.To), stamp);
            return Task.FromResult(memberId);
        }, ct);

    public Task EndMemberAsync(Actor actor, Guid patientId, Guid memberId, Guid expectedVersion, DateOnly to, CancellationToken ct = default) =>
        ChangeMembershipAsync(actor, patientId, memberId, "Ended care team membership", async (db, patient, stamp) =>
        {
            var member = patient.CareTeam.SingleOrDefault(m => m.Id == memberId)
                ?? throw new DomainException("That care team member is no longer on this patient's care team.");
            patient.EndCareTeamMembership(memberId, expectedVersion, to, stamp);
            var organisation = await db.Organisations.SingleAsync(o => o.Id == member.OrganisationId, ct);
            db.PathwayEvents.Add(PathwayEvent.CareTeamLeft(patientId, stamp.At, organisation, to, stamp.ByName));
            return memberId;
        }, ct);

    public Task<Guid> AddRelativeAsync(Actor actor, Guid patientId, RelativeInput input, CancellationToken ct = default) =>
        ChangeAsync(actor, patientId, AccessAction.Create, PatientSection.Relatives, "Added relative", (_, patient, stamp) =>
            Task.FromResult(patient.AddRelative(input.Name, input.Relationship, input.Phone, input.IsContactRelative, stamp).Id), ct);

    public Task ChangeRelativeAsync(Actor actor, Guid patientId, Guid relativeId, Guid expectedVersion, RelativeInput input, CancellationToken ct = default) =>
        ChangeAsync(actor, patientId, AccessAction.Update, PatientSection.Relatives, "Changed relative", (_, patient, stamp) =>
        {
            patient.ChangeRelative(relativeId, expectedVersion, input.Name, input.Relationship, input.Phone, input.IsContactRelative, stamp);
            return Task.FromResult(relativeId);
        }, ct);

    /// <summary>Removes a relative; a person who is no longer a relative loses the patient's consent with it.</summary>
    public async Task RemoveRelativeAsync(Actor actor, Guid patientId, Guid relativeId, Guid expectedVersion, CancellationToken ct = default)
    {
        var withdrew = false;
        await ChangeAsync(actor, patientId, AccessAction.Delete, PatientSection.Relatives, "Removed relative", async (db, patient, stamp) =>
        {
            var userId = patient.Relatives.SingleOrDefault(r => r.Id == relativeId)?.UserId;
            patient.RemoveRelative(relativeId, expectedVersion, stamp);
            if (userId is not null)
            {
                var consents = await db.RelativeConsents
                    .Where(c => c.PatientId == patientId && c.RelativeUserId == userId && c.WithdrawnAt == null)
                    .ToListAsync(ct);
                foreach (var consent in consents)
                    consent.Withdraw(stamp.At, stamp.ByName, "Removed from the patient's relatives.");
                withdrew = consents.Count > 0;
            }
            return relativeId;
        }, ct);
        if (withdrew)
            notifier.PathwayChanged(new PathwayChange(patientId, PatientSection.Consents, relativeId, actor.UserId));
    }

    public Task ChangeContactChannelAsync(Actor actor, Guid patientId, ContactChannel expected, ContactChannel channel, CancellationToken ct = default) =>
        ChangeAsync(actor, patientId, AccessAction.Update, PatientSection.MasterData, "Changed preferred contact channel", (_, patient, stamp) =>
        {
            patient.ChangePreferredContactChannel(expected, channel, stamp);
            return Task.FromResult(patientId);
        }, ct);

    /// <summary>
    /// A change to one organisation's membership: allowed to that organisation, or to roles the access matrix lets change
    /// any membership. A forged or unknown membership id is refused (and logged) like any other refused change.
    /// </summary>
    private async Task<Guid> ChangeMembershipAsync(Actor actor, Guid patientId, Guid memberId, string what,
        Func<CareDbContext, Patient, ChangeStamp, Task<Guid>> apply, CancellationToken ct)
    {
        Guid owner;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var found = await db.Patients.AsNoTracking().Where(p => p.Id == patientId)
                .SelectMany(p => p.CareTeam).Where(m => m.Id == memberId).Select(m => (Guid?)m.OrganisationId).SingleOrDefaultAsync(ct);
            if (found is null)
            {
                await guard.DemandAsync(db, actor, patientId, AccessAction.Read, PatientSection.CareTeam, what, ct);
                const string reason = "That care team member is not on this patient's care team.";
                await guard.RecordRefusedChangeAsync(db, actor, patientId, AccessAction.Update, PatientSection.CareTeam, $"{what} (unknown membership {memberId})", reason, ct);
                throw new DomainException(reason);
            }
            owner = found.Value;
        }
        return await ChangeAsync(actor, patientId, AccessAction.Update, PatientSection.CareTeam, what, apply, ct, owner);
    }

    /// <summary>
    /// Loads the patient, applies the change, saves with the patient's concurrency token and signals after commit.
    /// If another save raced ours, the change is applied once more on fresh data, where the domain's
    /// stale-edit check decides whether it still stands.
    /// </summary>
    private async Task<Guid> ChangeAsync(Actor actor, Guid patientId, AccessAction action, PatientSection section, string what,
        Func<CareDbContext, Patient, ChangeStamp, Task<Guid>> apply, CancellationToken ct, Guid? owningOrganisationId = null)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            if (owningOrganisationId is { } owner)
                await guard.DemandChangeAsync(db, actor, patientId, action, section, what, owner, ct);
            else
                await guard.DemandAsync(db, actor, patientId, action, section, what, ct);
            var patient = await db.Patients.SingleAsync(p => p.Id == patientId, ct);
            Guid itemId;
            try
            {
                itemId = await apply(db, patient, ChangeStamps.For(actor, clock));
            }
            catch (DomainException refused)
            {
                // The user was allowed to try, but the record refused the change: the refusal is logged with its reason.
                await guard.RecordRefusedChangeAsync(db, actor, patientId, action, section, what, refused.Message, ct);
                throw;
            }
            catch (StaleEditException)
            {
                // The record is newer than what the user was shown: the next load (e.g. "Reload their version") reads anew.
                sharedReads.Changed(patientId, section);
                throw;
            }
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException) when (attempt < 3)
            {
                continue;
            }
            notifier.PathwayChanged(new PathwayChange(patientId, section, itemId, actor.UserId));
            if (section == PatientSection.CareTeam)
                notifier.PathwayChanged(new PathwayChange(patientId, PatientSection.Timeline, itemId, actor.UserId));
            return itemId;
        }
    }

    private DateOnly Today => CopenhagenTime.Today(clock);
}
