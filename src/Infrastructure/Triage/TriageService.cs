using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Audit;
using CareWorkspace.Domain.Common;
using CareWorkspace.Domain.Patients;
using CareWorkspace.Domain.Triage;
using CareWorkspace.Infrastructure.Access;
using CareWorkspace.Infrastructure.Live;
using CareWorkspace.Infrastructure.Persistence;
using CareWorkspace.Infrastructure.Realtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CareWorkspace.Infrastructure.Triage;

/// <summary>
/// Municipal early detection: recording a visit's change form, confirming the colour, a citizen's status and history,
/// the unit's board, and the action plans. A unit's citizens are the patients whose care team has the unit (the
/// worker's organisation) as an active member today; every read and write asks the access guard for the Triage
/// section, so a worker outside the care team is refused and logged. A change is signalled after commit on the
/// patient's triage section and to the unit's board (<see cref="AudienceKey.TriageBoardOf"/>).
/// </summary>
public sealed class TriageService(
    IDbContextFactory<CareDbContext> dbFactory,
    PatientAccessGuard guard,
    IPathwayNotifier notifier,
    SharedReads sharedReads,
    TimeProvider clock,
    ILogger<TriageService> logger)
{
    /// <summary>The change-form items of the actor's unit: the unit's own, or the defaults.</summary>
    public async Task<ChangeFormItems> GetChangeFormAsync(Actor actor, CancellationToken ct = default)
    {
        if (actor.OrganisationId is not { } unitId)
            return ChangeFormItems.Defaults;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await FormOfAsync(db, unitId, ct);
    }

    /// <summary>Sets the actor's unit's change-form items (a nurse of the unit).</summary>
    public async Task SetChangeFormAsync(Actor actor, ChangeFormItems items, CancellationToken ct = default)
    {
        if (actor.Role != UserRole.MunicipalNurse || actor.OrganisationId is not { } unitId)
            throw new DomainException("Only a nurse of the unit may change its change form.");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var stamp = new ChangeStamp(actor.DisplayName, clock.GetUtcNow());
        var stored = await db.TriageChangeForms.SingleOrDefaultAsync(f => f.UnitId == unitId, ct);
        if (stored is null)
            db.TriageChangeForms.Add(new UnitChangeForm(unitId, items, stamp));
        else
            stored.Change(items, stamp);
        await db.SaveChangesAsync(ct);
        sharedReads.Changed(AudienceKey.TriageBoardOf(unitId));
    }

    /// <summary>
    /// The unit's citizens, each with the unit's latest change form and open action plan. Only the unit's own staff may
    /// open it. The board is read once per change to the unit and shared by every open board of the unit (see
    /// <see cref="SharedReads"/>); each citizen listed is an access record of this viewer, durable before the board is
    /// returned. A board re-read for a viewer who already sees <paramref name="shown"/> records only the citizens whose
    /// card changed or who are new on it: the others show this viewer nothing it has not already been shown.
    /// </summary>
    public async Task<TriageBoardView> GetBoardAsync(Actor actor, Guid unitId, TriageBoardView? shown = null, CancellationToken ct = default)
    {
        await DemandUnitAsync(actor, unitId, ct);
        var now = clock.GetUtcNow();
        // Read anew at least every minute: overdue plans and "time since the last observation" move with the clock.
        var shared = await sharedReads.GetForAudienceAsync(AudienceKey.TriageBoardOf(unitId), "board",
            (db, c) => ReadBoardAsync(db, unitId, now, c), stamp: now.ToUnixTimeSeconds() / 60, ct: ct,
            update: (db, kept, changed, c) => UpdateBoardAsync(db, kept, changed, now, c));
        var board = await WithoutWhatIsBlockedAsync(actor, shared, ct);
        var before = shown?.UnitId == unitId ? shown.Citizens.ToDictionary(c => c.PatientId) : [];
        var listed = board.Citizens.Where(c => !before.TryGetValue(c.PatientId, out var was) || !was.ShowsTheSameAs(c)).Select(c => c.PatientId);
        await guard.RecordListedAsync(actor, listed, "Triage board", PatientSection.Triage, ct);
        return board with { Can = Permissions(actor) };
    }

    /// <summary>
    /// This viewer's board: a citizen who blocked the triage section from the viewer's organisation stays on it (the unit
    /// serves them) with neither change form nor plan, marked as blocked. The one policy decides, with each such
    /// citizen's shared relationship; only citizens with an active block are asked.
    /// </summary>
    private async Task<TriageBoardView> WithoutWhatIsBlockedAsync(Actor actor, UnitBoard shared, CancellationToken ct)
    {
        var board = shared.Board;
        if (shared.WithBlocks.Count == 0)
            return board;
        var withBlocks = await guard.RelationshipsOfAsync(shared.WithBlocks, ct);
        if (withBlocks.Count == 0)
            return board;
        var citizens = board.Citizens.Select(citizen =>
            withBlocks.TryGetValue(citizen.PatientId, out var relationship)
            && !PatientAccessPolicy.Decide(actor, relationship, AccessAction.Read, PatientSection.Triage).Allowed
                ? citizen with { Latest = null, OpenPlan = null, BlockedByPatient = true }
                : citizen);
        // Sorted again: a blocked card's place among the colours would tell its colour.
        return board with { Citizens = [.. InBoardOrder(citizens)] };
    }

    // Danish names in Danish order (Æ, Ø, Å last) whatever the language of the viewer whose read is shared.
    private static readonly StringComparer DanishNames = StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("da-DK"), ignoreCase: false);

    /// <summary>
    /// The unit's board as every viewer shares it, with which of its citizens have an active block (read with the board,
    /// once per change: a block or its lifting is a change to the patient's consents, which every board reads anew after).
    /// Each viewer decides about those citizens itself.
    /// </summary>
    private sealed record UnitBoard(TriageBoardView Board, IReadOnlySet<Guid> WithBlocks);

    /// <summary>The unit's board for every viewer, in a fixed number of queries whatever the number of citizens.</summary>
    private async Task<UnitBoard> ReadBoardAsync(CareDbContext db, Guid unitId, DateTimeOffset now, CancellationToken ct)
    {
        var unitName = await db.Organisations.AsNoTracking().Where(o => o.Id == unitId).Select(o => o.Name).SingleAsync(ct);
        var (list, withBlocks) = await ReadCitizensAsync(db, unitId, null, now, ct);
        return new UnitBoard(new TriageBoardView(unitId, unitName, [.. InBoardOrder(list)], new TriagePermissions(Record: false, Plan: false), now), withBlocks);
    }

    /// <summary>
    /// The kept board with only the <paramref name="changed"/> citizens read again (a change form recorded or confirmed,
    /// a plan changed): each one's card replaced, or taken off the board if the unit no longer serves them. The same as
    /// reading the whole board when nothing else changed, which <see cref="SharedReads"/> guarantees before it asks.
    /// </summary>
    private async Task<UnitBoard> UpdateBoardAsync(CareDbContext db, UnitBoard kept, IReadOnlySet<Guid> changed, DateTimeOffset now, CancellationToken ct)
    {
        var board = kept.Board;
        var (read, blocks) = await ReadCitizensAsync(db, board.UnitId, changed, now, ct);
        var list = board.Citizens.Where(c => !changed.Contains(c.PatientId)).Concat(read);
        var withBlocks = kept.WithBlocks.Where(id => !changed.Contains(id)).Concat(blocks).ToHashSet();
        return new UnitBoard(board with { Citizens = [.. InBoardOrder(list)], AsOf = now }, withBlocks);
    }

    /// <summary>The unit's citizens (only those in <paramref name="only"/> when given) and which of them have an active block.</summary>
    private async Task<(List<BoardCitizen> Citizens, IReadOnlySet<Guid> WithBlocks)> ReadCitizensAsync(CareDbContext db, Guid unitId,
        IReadOnlySet<Guid>? only, DateTimeOffset now, CancellationToken ct)
    {
        var today = CopenhagenTime.DateOf(now);
        var patients = db.Patients.AsNoTracking();
        var plansOfUnit = db.TriageActionPlans.AsNoTracking().Where(p => p.UnitId == unitId && p.ClosedAt == null);
        if (only is not null)
        {
            var ids = only.ToList();
            patients = patients.Where(p => ids.Contains(p.Id));
            plansOfUnit = plansOfUnit.Where(p => ids.Contains(p.PatientId));
        }
        // Which citizens have an active block, in the same query: one round trip less per change, which on a database
        // server is a wait every open board of the unit shares.
        var activeBlocks = PatientAccessGuard.ActiveBlocks(db);
        var unitToday = CareTeamMembership.OfOrganisationOn(unitId, today);
        var citizens = await patients
            .Where(p => p.CareTeam.AsQueryable().Any(unitToday))
            .Select(p => new
            {
                p.Id,
                p.GivenName,
                p.FamilyName,
                Contact = p.CareTeam.AsQueryable().Where(unitToday).Select(m => m.PersonName).FirstOrDefault(),
                // The unit's latest change form for the citizen: one seek in the (patient, unit, time) index per citizen,
                // not a search through the unit's whole history.
                LatestId = db.TriageObservations.Where(o => o.PatientId == p.Id && o.UnitId == unitId)
                    .OrderByDescending(o => o.RecordedAt).ThenByDescending(o => o.Id).Select(o => (Guid?)o.Id).FirstOrDefault(),
                HasBlock = activeBlocks.Any(b => b.PatientId == p.Id),
            })
            .ToListAsync(ct);
        var latestIds = citizens.Where(c => c.LatestId is not null).Select(c => c.LatestId!.Value).ToList();
        var latest = await db.TriageObservations.AsNoTracking().Where(o => latestIds.Contains(o.Id)).ToDictionaryAsync(o => o.PatientId, ct);
        var plans = (await plansOfUnit.ToListAsync(ct))
            .GroupBy(p => p.PatientId)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(p => p.CreatedAt).First());

        var list = citizens
            .Select(c => new BoardCitizen(c.Id, $"{c.GivenName} {c.FamilyName}", c.Contact,
                latest.TryGetValue(c.Id, out var o) ? Board(o) : null,
                plans.TryGetValue(c.Id, out var p) ? View(p, now) : null))
            .ToList();
        return (list, citizens.Where(c => c.HasBlock).Select(c => c.Id).ToHashSet());
    }

    // By colour, then by name (the same for a full read and an update: citizens of the same name by id).
    private static IEnumerable<BoardCitizen> InBoardOrder(IEnumerable<BoardCitizen> citizens) =>
        citizens.OrderByDescending(c => c.Colour).ThenBy(c => c.Name, DanishNames).ThenBy(c => c.PatientId);

    /// <summary>
    /// The citizen's triage status: the colour of the latest change form (any unit's), that form and the open action plans.
    /// A shared read, as the pathway section and header ask it for every viewer.
    /// </summary>
    public async Task<TriageStatusView> GetStatusAsync(Actor actor, Guid patientId, CancellationToken ct = default)
    {
        var (_, relationship) = await guard.DemandSharedReadAsync(actor, patientId, PatientSection.Triage, "Triage status", ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        var latest = await db.TriageObservations.AsNoTracking().Where(o => o.PatientId == patientId)
            .OrderByDescending(o => o.RecordedAt).FirstOrDefaultAsync(ct);
        var plans = await db.TriageActionPlans.AsNoTracking().Where(p => p.PatientId == patientId && p.ClosedAt == null).ToListAsync(ct);
        var names = await UnitNamesAsync(db, latest is null ? [] : [latest.UnitId], ct);
        var can = new TriagePermissions(
            Record: PatientAccessGuard.Permits(actor, relationship, AccessAction.Create, PatientSection.Triage),
            Plan: PatientAccessGuard.Permits(actor, relationship, AccessAction.Update, PatientSection.Triage));
        return new TriageStatusView(patientId, latest?.Colour, latest is null ? null : View(latest, names),
            plans.OrderByDescending(p => p.CreatedAt).Select(p => View(p, now)).ToList(), can, now);
    }

    /// <summary>The citizen's change forms and action plans since <paramref name="from"/> (default: all), oldest first.</summary>
    public async Task<TriageHistoryView> GetHistoryAsync(Actor actor, Guid patientId, DateOnly? from = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await guard.DemandAsync(db, actor, patientId, AccessAction.Read, PatientSection.Triage, "Triage history", ct);
        var since = from is { } day ? CopenhagenTime.StartOf(day) : DateTimeOffset.MinValue;
        var observations = await db.TriageObservations.AsNoTracking()
            .Where(o => o.PatientId == patientId && o.RecordedAt >= since).OrderBy(o => o.RecordedAt).ToListAsync(ct);
        var plans = await db.TriageActionPlans.AsNoTracking()
            .Where(p => p.PatientId == patientId && p.CreatedAt >= since).OrderBy(p => p.CreatedAt).ToListAsync(ct);
        await db.SaveChangesAsync(ct);
        var names = await UnitNamesAsync(db, observations.Select(o => o.UnitId).Distinct().ToList(), ct);
        var now = clock.GetUtcNow();
        return new TriageHistoryView(patientId, observations.Select(o => View(o, names)).ToList(), plans.Select(p => View(p, now)).ToList());
    }

    /// <summary>
    /// Records a visit's change form for the citizen, for the actor's unit (a care worker or nurse of a unit on the care
    /// team). Refused with the reason: impossible or unconfirmed unusual vital signs, items not on the unit's form, a colour
    /// other than the suggestion without a reason. Returns the recorded form with its suggestion.
    /// </summary>
    public async Task<ObservationView> RecordAsync(Actor actor, Guid patientId, ChangeFormInput input, CancellationToken ct = default)
    {
        var id = await WriteAsync(actor, patientId, AccessAction.Create, "Recorded change form", async (db, unitId) =>
        {
            var form = await FormOfAsync(db, unitId, ct);
            var previous = await db.TriageObservations.AsNoTracking()
                .Where(o => o.PatientId == patientId && o.UnitId == unitId).OrderByDescending(o => o.RecordedAt).FirstOrDefaultAsync(ct);
            var observation = ChangeObservation.Record(patientId, unitId, actor, clock.GetUtcNow(), form, input.Answers, input.Vitals,
                input.ConfirmedUnusual ?? [], previous, input.ConfirmedColour, input.DeviationReason);
            db.TriageObservations.Add(observation);
            return observation.Id;
        }, ct);
        await using var read = await dbFactory.CreateDbContextAsync(ct);
        var recorded = await read.TriageObservations.AsNoTracking().SingleAsync(o => o.Id == id, ct);
        return View(recorded, await UnitNamesAsync(read, [recorded.UnitId], ct));
    }

    /// <summary>Confirms the colour of one of the unit's change forms, or changes it (with a reason if it differs from the suggestion).</summary>
    public Task ConfirmColourAsync(Actor actor, Guid patientId, Guid observationId, TriageColour colour, string? reason, CancellationToken ct = default) =>
        WriteAsync(actor, patientId, AccessAction.Update, "Confirmed triage colour", async (db, unitId) =>
        {
            var observation = await db.TriageObservations.SingleOrDefaultAsync(o => o.Id == observationId, ct);
            if (observation is null || observation.PatientId != patientId)
                throw await guard.RefuseAsync(db, actor, patientId, AccessAction.Update, PatientSection.Triage,
                    $"Confirmed triage colour (unknown change form {observationId})", "That change form is not this citizen's.", ct);
            if (observation.UnitId != unitId)
                throw await guard.RefuseAsync(db, actor, patientId, AccessAction.Update, PatientSection.Triage,
                    "Confirmed triage colour", "That change form belongs to another unit.", ct);
            observation.Confirm(colour, reason, actor, clock.GetUtcNow());
            return observation.Id;
        }, ct);

    /// <summary>
    /// A new action plan for a yellow or red citizen of the actor's unit. Refused: a green colour, no decision, plan or due
    /// time, a yellow plan due more than 48 hours away, and a second open plan for the same citizen in the unit.
    /// </summary>
    public Task<Guid> MakeActionPlanAsync(Actor actor, Guid patientId, ActionPlanInput input, CancellationToken ct = default) =>
        WriteAsync(actor, patientId, AccessAction.Create, "Made triage action plan", async (db, unitId) =>
        {
            if (await db.TriageActionPlans.AnyAsync(p => p.PatientId == patientId && p.UnitId == unitId && p.ClosedAt == null, ct))
                throw new DomainException("The citizen already has an open action plan: follow it up or close it first.");
            if (input.ObservationId is { } observationId
                && !await db.TriageObservations.AnyAsync(o => o.Id == observationId && o.PatientId == patientId && o.UnitId == unitId, ct))
            {
                throw await guard.RefuseAsync(db, actor, patientId, AccessAction.Create, PatientSection.Triage,
                    $"Made triage action plan (unknown change form {observationId})", "That change form is not this citizen's.", ct);
            }
            var plan = TriageActionPlan.Make(patientId, unitId, input.ObservationId, input.Colour, input.Decision, input.Plan, input.DueAt,
                input.ResponsibleName, actor, clock.GetUtcNow());
            db.TriageActionPlans.Add(plan);
            return plan.Id;
        }, ct);

    /// <summary>Marks today's follow-up of an open plan (once per Copenhagen day).</summary>
    public Task MarkFollowedUpAsync(Actor actor, Guid patientId, Guid planId, string? note, CancellationToken ct = default) =>
        ChangePlanAsync(actor, patientId, planId, "Marked triage plan followed up", plan => plan.MarkFollowedUp(actor, clock.GetUtcNow(), note), ct);

    /// <summary>
    /// Records that the citizen's GP was asked to act on the plan, with what was asked and the message thread that asked
    /// (stored on the plan's entry, so the plan links to the conversation with the GP).
    /// </summary>
    public Task EscalateToGpAsync(Actor actor, Guid patientId, Guid planId, string note, Guid? messageThreadId, CancellationToken ct = default) =>
        ChangePlanAsync(actor, patientId, planId, "Escalated triage plan to the GP",
            plan => plan.EscalateToGp(actor, clock.GetUtcNow(), note, messageThreadId), ct);

    /// <summary>
    /// The message thread of the unit's latest escalation to the GP for the citizen (any of its plans, open or closed), for
    /// a new escalation to continue the same conversation; null when the unit has not escalated before. A read of the
    /// Triage section, asked and logged like any other.
    /// </summary>
    public async Task<Guid?> GpThreadOfAsync(Actor actor, Guid patientId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await guard.DemandAsync(db, actor, patientId, AccessAction.Read, PatientSection.Triage, "Triage escalation thread", ct);
        await db.SaveChangesAsync(ct);
        if (actor.OrganisationId is not { } unitId)
            return null;
        var escalations = await db.TriageActionPlans.AsNoTracking()
            .Where(p => p.PatientId == patientId && p.UnitId == unitId)
            .Select(p => p.Entries.Where(e => e.Kind == ActionEntryKind.EscalatedToGp && e.MessageThreadId != null).ToList())
            .ToListAsync(ct);
        return escalations.SelectMany(e => e).OrderByDescending(e => e.At).Select(e => e.MessageThreadId).FirstOrDefault();
    }

    /// <summary>Records that acute help was called for the citizen.</summary>
    public Task RecordAcuteHelpCalledAsync(Actor actor, Guid patientId, Guid planId, string? note, CancellationToken ct = default) =>
        ChangePlanAsync(actor, patientId, planId, "Recorded acute help called", plan => plan.RecordAcuteHelpCalled(actor, clock.GetUtcNow(), note), ct);

    /// <summary>Closes an open plan (the change has passed or been handed on).</summary>
    public Task ClosePlanAsync(Actor actor, Guid patientId, Guid planId, string? note, CancellationToken ct = default) =>
        ChangePlanAsync(actor, patientId, planId, "Closed triage plan", plan => plan.Close(actor, clock.GetUtcNow(), note), ct);

    private Task ChangePlanAsync(Actor actor, Guid patientId, Guid planId, string what, Action<TriageActionPlan> change, CancellationToken ct) =>
        WriteAsync(actor, patientId, AccessAction.Update, what, async (db, unitId) =>
        {
            var plan = await db.TriageActionPlans.SingleOrDefaultAsync(p => p.Id == planId, ct);
            if (plan is null || plan.PatientId != patientId)
                throw await guard.RefuseAsync(db, actor, patientId, AccessAction.Update, PatientSection.Triage,
                    $"{what} (unknown plan {planId})", "That action plan is not this citizen's.", ct);
            if (plan.UnitId != unitId)
                throw await guard.RefuseAsync(db, actor, patientId, AccessAction.Update, PatientSection.Triage,
                    what, "That action plan belongs to another unit.", ct);
            change(plan);
            return plan.Id;
        }, ct);

    /// <summary>
    /// Asks the guard (the actor's organisation must be on the citizen's care team: that is the unit), applies the change,
    /// saves and signals after commit. A save that raced another is applied once more on fresh data.
    /// </summary>
    private async Task<Guid> WriteAsync(Actor actor, Guid patientId, AccessAction action, string what,
        Func<CareDbContext, Guid, Task<Guid>> apply, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var (_, relationship) = await guard.DemandWithRelationshipAsync(db, actor, patientId, action, PatientSection.Triage, what, ct);
            // The policy allowed it only for an organisation on the care team, so the actor has one: the unit.
            var unitId = actor.OrganisationId!.Value;
            Guid changed;
            try
            {
                changed = await apply(db, unitId);
            }
            catch (DomainException refused)
            {
                await guard.RecordRefusedChangeAsync(db, actor, patientId, action, PatientSection.Triage, what, refused.Message, ct);
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
            notifier.PathwayChanged(new PathwayChange(patientId, PatientSection.Triage, changed, actor.UserId)
            {
                SeenBy = [.. WhoMaySee.Change(relationship, PatientSection.Triage, Audience.Everyone), AudienceKey.TriageBoardOf(unitId)],
            });
            return changed;
        }
    }

    /// <summary>Only the unit's own staff, in a role that may list triage, open its board; a refusal is logged.</summary>
    private async Task DemandUnitAsync(Actor actor, Guid unitId, CancellationToken ct)
    {
        var decision = !actor.IsHealthProfessional || actor.OrganisationId != unitId
            ? AccessDecision.Deny("The user does not work in this unit.")
            : !AccessMatrix.For(actor.Role, PatientSection.Triage).HasFlag(Permission.Search)
                ? AccessDecision.Deny("The role {0} may not search {1}.", actor.Role, PatientSection.Triage)
                : null;
        if (decision is null)
            return;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.AccessRecords.Add(new AccessRecord(clock.GetUtcNow(), actor, null, PatientSection.Triage, $"Triage board of unit {unitId}",
            AccessAction.Search, false, decision.Reason));
        await db.SaveChangesAsync(ct);
        logger.LogWarning("Access refused: user {UserId} ({Role}) opened the triage board of unit {UnitId}: {Reason}",
            actor.UserId, actor.Role, unitId, decision.Reason);
        throw decision.Refusal();
    }

    private static TriagePermissions Permissions(Actor actor)
    {
        var permission = AccessMatrix.For(actor.Role, PatientSection.Triage);
        return new TriagePermissions(permission.HasFlag(Permission.Create), permission.HasFlag(Permission.UpdateAny));
    }

    private static async Task<ChangeFormItems> FormOfAsync(CareDbContext db, Guid unitId, CancellationToken ct) =>
        (await db.TriageChangeForms.AsNoTracking().SingleOrDefaultAsync(f => f.UnitId == unitId, ct))?.Form ?? ChangeFormItems.Defaults;

    private static async Task<IReadOnlyDictionary<Guid, string>> UnitNamesAsync(CareDbContext db, IReadOnlyCollection<Guid> ids, CancellationToken ct) =>
        ids.Count == 0
            ? new Dictionary<Guid, string>()
            : await db.Organisations.AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);

    private static ObservationView View(ChangeObservation o, IReadOnlyDictionary<Guid, string> unitNames) =>
        new(o.Id, o.Version, o.PatientId, o.UnitId, unitNames.TryGetValue(o.UnitId, out var name) ? name : "", o.RecordedAt, o.RecordedByName,
            o.Answers, o.Vitals, o.Suggestion() with { Colour = o.SuggestedColour, Reasons = o.SuggestedReasons }, o.ConfirmedColour,
            o.ConfirmedByName, o.ConfirmedAt, o.DeviationReason, o.PreviousColour);

    private static BoardObservation Board(ChangeObservation o) =>
        new(o.Id, o.RecordedAt, o.RecordedByName, o.Colour, o.SuggestedColour, o.IsConfirmed, o.News2Total, o.TobsTotal, o.PreviousColour,
            o.PreviousNews2Total, o.PreviousTobsTotal, o.ChangedItems.ToList());

    private ActionPlanView View(TriageActionPlan p, DateTimeOffset now) =>
        new(p.Id, p.Version, p.PatientId, p.UnitId, p.ObservationId, p.Colour, p.Decision, p.Plan, p.DueAt, p.ResponsibleName, p.CreatedByName,
            p.CreatedAt, p.Entries.OrderBy(e => e.At).ToList(), p.IsOpen, p.IsOverdueAt(now), p.IsStarted, p.LastFollowedUp,
            p.LastFollowedUp == CopenhagenTime.DateOf(now), p.ClosedAt, p.ClosedByName, p.ClosingNote);
}
