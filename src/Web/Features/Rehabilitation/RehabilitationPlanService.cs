using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Common;
using CareWorkspace.Domain.Organisations;
using CareWorkspace.Domain.Pathway;
using CareWorkspace.Domain.Rehabilitation;
using CareWorkspace.Infrastructure.Access;
using CareWorkspace.Infrastructure.Persistence;
using CareWorkspace.Infrastructure.Realtime;
using Microsoft.EntityFrameworkCore;

namespace CareWorkspace.Web.Features.Rehabilitation;

/// <summary>
/// The rehabilitation plan after discharge: reading it with its sessions and weekly adherence, the hospital making and
/// changing it, and the patient or a relative logging training. Every read and write asks the access guard for the
/// Rehabilitation section; changes are committed, then signalled to every viewer of the section.
/// </summary>
public sealed class RehabilitationPlanService(
    IDbContextFactory<CareDbContext> dbFactory,
    PatientAccessGuard guard,
    IPathwayNotifier notifier,
    TimeProvider clock) : IPatientDataService
{
    /// <summary>The section: the newest plan, every session logged against it and the adherence per week.</summary>
    public async Task<RehabilitationView> GetAsync(Actor actor, Guid patientId, CancellationToken ct = default)
    {
        var (_, relationship) = await guard.DemandSharedReadAsync(actor, patientId, PatientSection.Rehabilitation, "Rehabilitation plan", ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var today = CopenhagenTime.Today(clock);
        var plan = await CurrentPlanAsync(db, patientId, ct);
        var patient = await PatientAsync(db, patientId, ct);
        var sessions = plan is null
            ? []
            : await db.RehabilitationSessions.AsNoTracking().Where(s => s.PlanId == plan.Id).ToListAsync(ct);
        var can = new RehabilitationPermissions(
            MakePlan: actor.IsHealthProfessional && PatientAccessGuard.Permits(actor, relationship, AccessAction.Create, PatientSection.Rehabilitation),
            ChangePlan: plan is not null && actor.IsHealthProfessional
                && PatientAccessGuard.Permits(actor, relationship, AccessAction.Update, PatientSection.Rehabilitation),
            LogSession: plan is not null && (actor.Role is UserRole.Patient or UserRole.Relative)
                && PatientAccessGuard.Permits(actor, relationship, AccessAction.Create, PatientSection.Rehabilitation),
            MessagePatient: actor.IsHealthProfessional && PatientAccessGuard.Permits(actor, relationship, AccessAction.Create, PatientSection.Messages));
        var units = can.MakePlan || can.ChangePlan ? await UnitsAsync(db, relationship, ct) : [];
        var correct = Corrector(actor, relationship);
        return new RehabilitationView(patientId, patient.Name,
            plan is null ? null : await ViewOfAsync(db, plan, patient, today, ct),
            sessions.OrderByDescending(s => s.Day).ThenByDescending(s => s.LoggedAt).Select(s => ViewOf(s, correct)).ToList(),
            plan is null ? [] : RehabilitationAdherence.Weekly(plan, sessions, today),
            can, units, today)
        {
            EarlierPlans = await EarlierPlansAsync(db, patientId, ct),
        };
    }

    /// <summary>
    /// An older plan of the patient, opened to read (a superseded plan stays readable): as it was last changed, its sessions
    /// and its weeks until the next plan replaced it. A read of the Rehabilitation section; another patient's plan is refused and logged.
    /// </summary>
    public async Task<EarlierPlanView> GetEarlierPlanAsync(Actor actor, Guid patientId, Guid planId, CancellationToken ct = default)
    {
        await guard.DemandSharedReadAsync(actor, patientId, PatientSection.Rehabilitation, "Earlier rehabilitation plan", ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var plan = await db.RehabilitationPlans.AsNoTracking().SingleOrDefaultAsync(p => p.Id == planId, ct);
        if (plan is null || plan.PatientId != patientId)
            throw await guard.RefuseAsync(db, actor, patientId, AccessAction.Read, PatientSection.Rehabilitation,
                $"Earlier rehabilitation plan (unknown plan {planId})", "That rehabilitation plan is not this patient's.", ct);
        var replacedAt = await db.RehabilitationPlans.AsNoTracking()
            .Where(p => p.PatientId == patientId && p.CreatedAt > plan.CreatedAt)
            .OrderBy(p => p.CreatedAt).Select(p => (DateTimeOffset?)p.CreatedAt).FirstOrDefaultAsync(ct);
        if (replacedAt is not { } replaced)
            throw new DomainException("That is the current rehabilitation plan.");
        var sessions = await db.RehabilitationSessions.AsNoTracking().Where(s => s.PlanId == plan.Id).ToListAsync(ct);
        var today = CopenhagenTime.Today(clock);
        var lastDay = CopenhagenTime.DateOf(replaced);
        var until = lastDay < today ? lastDay : today;
        return new EarlierPlanView(await ViewOfAsync(db, plan, await PatientAsync(db, patientId, ct), until, ct), replaced,
            sessions.OrderByDescending(s => s.Day).ThenByDescending(s => s.LoggedAt).Select(s => ViewOf(s, _ => false)).ToList(),
            RehabilitationAdherence.Weekly(plan, sessions, until).Select(w => w with { IsCurrent = false }).ToList());
    }

    /// <summary>
    /// The current plan with its exercises, e.g. for the printed exercise sheet; null when the patient has none.
    /// Asked and logged as a read of the Rehabilitation section like any other.
    /// </summary>
    public async Task<RehabilitationPlanView?> GetPlanAsync(Actor actor, Guid patientId, string what = "Rehabilitation plan", CancellationToken ct = default)
    {
        await guard.DemandSharedReadAsync(actor, patientId, PatientSection.Rehabilitation, what, ct);
        return await ReadCurrentPlanAsync(patientId, ct);
    }

    /// <summary>The current plan, for a caller whose read of the Rehabilitation section is already decided and logged (the pathway summary).</summary>
    internal async Task<RehabilitationPlanView?> ReadCurrentPlanAsync(Guid patientId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var plan = await CurrentPlanAsync(db, patientId, ct);
        return plan is null ? null : await ViewOfAsync(db, plan, await PatientAsync(db, patientId, ct), CopenhagenTime.Today(clock), ct);
    }

    /// <summary>The hospital makes the plan at discharge; returns its id.</summary>
    public Task<Guid> MakePlanAsync(Actor actor, Guid patientId, RehabilitationPlanInput input, CancellationToken ct = default) =>
        WriteAsync(actor, patientId, AccessAction.Create, "Made rehabilitation plan", async (db, relationship, stamp) =>
        {
            await DemandUnitAsync(db, relationship, input.ResponsibleOrganisationId, ct);
            var plan = RehabilitationPlan.Make(actor, patientId, Details(input), input.Exercises, stamp);
            db.RehabilitationPlans.Add(plan);
            var unit = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == plan.ResponsibleOrganisationId, ct);
            var made = PathwayEvent.RehabilitationPlanMade(patientId, stamp.At, unit, plan.Kind.ToString(), stamp.ByName);
            db.PathwayEvents.Add(made);
            return (plan.Id, made.Id);
        }, ct);

    /// <summary>Changes the plan from the version the editor opened; a stale edit is refused with who changed it and when.</summary>
    public Task<Guid> ChangePlanAsync(Actor actor, Guid patientId, Guid planId, Guid expectedVersion, RehabilitationPlanInput input, CancellationToken ct = default) =>
        WriteAsync(actor, patientId, AccessAction.Update, "Changed rehabilitation plan", async (db, relationship, stamp) =>
        {
            var plan = await OwnPlanAsync(db, actor, patientId, planId, AccessAction.Update, "Changed rehabilitation plan", ct);
            if (plan.ResponsibleOrganisationId != input.ResponsibleOrganisationId)
                await DemandUnitAsync(db, relationship, input.ResponsibleOrganisationId, ct);
            plan.Change(actor, expectedVersion, Details(input), input.Exercises, stamp);
            return (plan.Id, null);
        }, ct);

    /// <summary>The patient or a relative logs a training session of the current plan; returns the session's id.</summary>
    public Task<Guid> LogSessionAsync(Actor actor, Guid patientId, Guid planId, SessionInput input, CancellationToken ct = default) =>
        WriteAsync(actor, patientId, AccessAction.Create, "Logged rehabilitation session", async (db, _, stamp) =>
        {
            var plan = await OwnPlanAsync(db, actor, patientId, planId, AccessAction.Create, "Logged rehabilitation session", ct);
            var session = RehabilitationSession.Log(plan, actor, input.Day, input.ExerciseId, input.Outcome, input.Pain, input.Note,
                CopenhagenTime.Today(clock), stamp.At);
            db.RehabilitationSessions.Add(session);
            var unit = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == plan.ResponsibleOrganisationId, ct);
            var logged = PathwayEvent.RehabilitationSessionLogged(patientId, stamp.At, unit, session.Day, session.Outcome.ToString(), stamp.ByName);
            db.PathwayEvents.Add(logged);
            return (session.Id, logged.Id);
        }, ct);

    /// <summary>
    /// Corrects a logged session from the version the corrector read: the one who logged it (a patient or relative asks the
    /// guard as for logging, which is all their role may do in the section) or staff who may change the section. The
    /// correction is kept in the session's history; a stale one is refused with who corrected it last.
    /// </summary>
    public Task<Guid> CorrectSessionAsync(Actor actor, Guid patientId, Guid sessionId, Guid expectedVersion, SessionInput input, CancellationToken ct = default) =>
        WriteAsync(actor, patientId, IsLogger(actor) ? AccessAction.Create : AccessAction.Update, "Corrected rehabilitation session", async (db, _, stamp) =>
        {
            var session = await db.RehabilitationSessions.SingleOrDefaultAsync(s => s.Id == sessionId, ct);
            if (session is null || session.PatientId != patientId)
            {
                throw await guard.RefuseAsync(db, actor, patientId, IsLogger(actor) ? AccessAction.Create : AccessAction.Update, PatientSection.Rehabilitation,
                    $"Corrected rehabilitation session (unknown session {sessionId})", "That training session is not this patient's.", ct);
            }
            var plan = await db.RehabilitationPlans.AsNoTracking().SingleAsync(p => p.Id == session.PlanId, ct);
            session.Correct(plan, actor, expectedVersion, input.Day, input.ExerciseId, input.Outcome, input.Pain, input.Note,
                CopenhagenTime.Today(clock), stamp.At);
            return (session.Id, null);
        }, ct);

    private static bool IsLogger(Actor actor) => actor.Role is UserRole.Patient or UserRole.Relative;

    /// <summary>Which sessions the actor may correct: their own as the patient or relative who logged them, any as staff who may change the section.</summary>
    private static Func<RehabilitationSession, bool> Corrector(Actor actor, PatientRelationship relationship)
    {
        if (IsLogger(actor))
        {
            var mayLog = PatientAccessGuard.Permits(actor, relationship, AccessAction.Create, PatientSection.Rehabilitation);
            return s => mayLog && s.LoggedByUserId == actor.UserId;
        }
        var mayChange = actor.IsHealthProfessional && PatientAccessGuard.Permits(actor, relationship, AccessAction.Update, PatientSection.Rehabilitation);
        return _ => mayChange;
    }

    /// <summary>The patient's plans before the newest, newest first, each with when the next one replaced it.</summary>
    private static async Task<IReadOnlyList<EarlierPlanSummary>> EarlierPlansAsync(CareDbContext db, Guid patientId, CancellationToken ct)
    {
        var plans = await db.RehabilitationPlans.AsNoTracking().Where(p => p.PatientId == patientId)
            .OrderByDescending(p => p.CreatedAt)
            .Select(p => new { p.Id, p.Kind, p.ResponsibleOrganisationId, p.StartDate, p.CreatedBy, p.CreatedAt })
            .ToListAsync(ct);
        if (plans.Count < 2)
            return [];
        var unitIds = plans.Select(p => p.ResponsibleOrganisationId).Distinct().ToList();
        var units = await db.Organisations.AsNoTracking().Where(o => unitIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        return plans.Skip(1)
            .Select((p, i) => new EarlierPlanSummary(p.Id, p.Kind, units.GetValueOrDefault(p.ResponsibleOrganisationId, ""), p.StartDate, p.CreatedBy,
                p.CreatedAt, plans[i].CreatedAt))
            .ToList();
    }

    private static RehabilitationPlanDetails Details(RehabilitationPlanInput input) =>
        new(input.Kind, input.ResponsibleOrganisationId, input.StartDate, input.ReviewIntervalWeeks, input.Purpose);

    private static Task<RehabilitationPlan?> CurrentPlanAsync(CareDbContext db, Guid patientId, CancellationToken ct) =>
        db.RehabilitationPlans.AsNoTracking().Where(p => p.PatientId == patientId)
            .OrderByDescending(p => p.CreatedAt).FirstOrDefaultAsync(ct);

    private static async Task<(string Name, string Cpr)> PatientAsync(CareDbContext db, Guid patientId, CancellationToken ct)
    {
        var patient = await db.Patients.AsNoTracking().Where(p => p.Id == patientId)
            .Select(p => new { p.GivenName, p.FamilyName, p.Cpr }).SingleAsync(ct);
        return ($"{patient.GivenName} {patient.FamilyName}", patient.Cpr.Display);
    }

    private static async Task<RehabilitationPlanView> ViewOfAsync(CareDbContext db, RehabilitationPlan plan, (string Name, string Cpr) patient,
        DateOnly today, CancellationToken ct)
    {
        var unit = await db.Organisations.AsNoTracking().Where(o => o.Id == plan.ResponsibleOrganisationId).Select(o => o.Name).SingleAsync(ct);
        return new RehabilitationPlanView(plan.Id, plan.Version, plan.PatientId, patient.Name, patient.Cpr, plan.Kind,
            plan.ResponsibleOrganisationId, unit, plan.StartDate, plan.ReviewIntervalWeeks, plan.NextReview(today), plan.Purpose,
            plan.Exercises.OrderBy(e => e.Position)
                .Select(e => new ExerciseView(e.Id, e.Name, e.Instructions, e.Sets, e.Repetitions, e.DurationMinutes, e.TimesPerWeek)).ToList(),
            plan.CreatedBy, plan.CreatedAt, plan.ChangedBy, plan.ChangedAt);
    }

    private static SessionView ViewOf(RehabilitationSession s, Func<RehabilitationSession, bool> mayCorrect) =>
        new(s.Id, s.Day, s.ExerciseId, s.ExerciseName, s.Outcome, s.Pain, s.Note, s.LoggedByName, s.LoggedByRole, s.LoggedAt)
        {
            Version = s.Version,
            Corrections = s.Corrections,
            CanCorrect = mayCorrect(s),
        };

    /// <summary>The municipal units on the care team: the unit responsible for the training must be able to see the plan.</summary>
    private static async Task<IReadOnlyList<UnitOption>> UnitsAsync(CareDbContext db, PatientRelationship relationship, CancellationToken ct)
    {
        var careTeam = relationship.ActiveCareTeamOrganisationIds.ToList();
        var units = await db.Organisations.AsNoTracking()
            .Where(o => careTeam.Contains(o.Id) && o.Sector == Sector.Municipality)
            .Select(o => new UnitOption(o.Id, o.Name)).ToListAsync(ct);
        return units.OrderBy(u => u.Name, StringComparer.CurrentCulture).ToList();
    }

    private static async Task DemandUnitAsync(CareDbContext db, PatientRelationship relationship, Guid organisationId, CancellationToken ct)
    {
        var onCareTeam = relationship.ActiveCareTeamOrganisationIds.Contains(organisationId)
            && await db.Organisations.AnyAsync(o => o.Id == organisationId && o.Sector == Sector.Municipality, ct);
        if (!onCareTeam)
            throw new DomainException("Choose a municipal unit on the patient's care team as responsible for the training.");
    }

    /// <summary>A plan of this patient; an unknown or another patient's id is refused and logged.</summary>
    private async Task<RehabilitationPlan> OwnPlanAsync(CareDbContext db, Actor actor, Guid patientId, Guid planId, AccessAction action, string what,
        CancellationToken ct)
    {
        var plan = await db.RehabilitationPlans.SingleOrDefaultAsync(p => p.Id == planId, ct);
        if (plan is not null && plan.PatientId == patientId)
            return plan;
        const string reason = "That rehabilitation plan is not this patient's.";
        throw await guard.RefuseAsync(db, actor, patientId, action, PatientSection.Rehabilitation, $"{what} (unknown plan {planId})", reason, ct);
    }

    private Task<Guid> WriteAsync(Actor actor, Guid patientId, AccessAction action, string what,
        Func<CareDbContext, PatientRelationship, ChangeStamp, Task<(Guid Id, Guid? EventId)>> apply, CancellationToken ct) =>
        new SectionWriter(dbFactory, guard, notifier, clock, PatientSection.Rehabilitation).WriteAsync(actor, patientId, action, what, apply, ct);
}
