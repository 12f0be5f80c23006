using System.Globalization;
using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.CarePlans;
using CareWorkspace.Domain.Common;
using CareWorkspace.Domain.Pathway;
using CareWorkspace.Infrastructure.Access;
using CareWorkspace.Infrastructure.CarePlans;
using CareWorkspace.Infrastructure.Persistence;
using CareWorkspace.Infrastructure.Realtime;
using CareWorkspace.Web.Features.CareTeam;
using Microsoft.EntityFrameworkCore;

namespace CareWorkspace.Web.Features.CarePlans;

/// <summary>
/// The patient's care plans: reading them (with the history and any earlier version), making one from a template, and every
/// change to a plan. Each read and write asks the access guard for the CarePlan section; a change is checked against the
/// version the user opened, kept as a new version, committed, then signalled to everyone viewing the patient's plans.
/// </summary>
public sealed class CarePlanService(
    IDbContextFactory<CareDbContext> dbFactory,
    PatientAccessGuard guard,
    IPathwayNotifier notifier,
    CarePlanTemplates templates,
    TimeProvider clock) : IPatientDataService
{
    /// <summary>
    /// Every plan of the patient (newest first) with its goals, activities and notes, and what the viewer may do. This is the
    /// read model the care plan section and the printed care plan use.
    /// </summary>
    public async Task<CarePlansView> GetAsync(Actor actor, Guid patientId, CancellationToken ct = default)
    {
        var (sections, relationship) = await guard.DemandSharedReadAsync(actor, patientId, PatientSection.CarePlan, "Care plans", ct,
            PatientSection.Calendar);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var plans = await db.CarePlans.AsNoTracking().Where(p => p.PatientId == patientId).ToListAsync(ct);
        var can = new CarePlanPermissions(
            Create: PatientAccessGuard.Permits(actor, relationship, AccessAction.Create, PatientSection.CarePlan),
            Change: PatientAccessGuard.Permits(actor, relationship, AccessAction.Update, PatientSection.CarePlan),
            OpenCalendar: sections.Contains(PatientSection.Calendar));
        var editing = can.Create || can.Change;
        var careTeam = relationship.ActiveCareTeamOrganisationIds.ToList();
        var organisations = editing
            ? await db.Organisations.AsNoTracking().Where(o => careTeam.Contains(o.Id)).OrderBy(o => o.Name)
                .Select(o => new OrganisationOption(o.Id, o.Name, o.Sector)).ToListAsync(ct)
            : [];
        var appointments = editing && sections.Contains(PatientSection.Calendar)
            ? await UpcomingAppointmentsAsync(db, patientId, ct)
            : [];
        return new CarePlansView(patientId,
            plans.OrderByDescending(p => p.CreatedAt).Select(View).ToList(),
            can,
            can.Create ? templates.All.Select(t => new CarePlanTemplateOption(t.Id, t.Version, t.Title, t.Conditions, t.DurationMonths)).ToList() : [],
            organisations,
            appointments,
            CopenhagenTime.Today(clock));
    }

    /// <summary>The history of one plan, newest first: who changed it, when and what.</summary>
    public async Task<IReadOnlyList<CarePlanVersionSummary>> GetHistoryAsync(Actor actor, Guid patientId, Guid planId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await guard.DemandAsync(db, actor, patientId, AccessAction.Read, PatientSection.CarePlan, "Care plan history", ct);
        await OwnPlanIdAsync(db, actor, patientId, planId, AccessAction.Read, "Care plan history", ct);
        var versions = await db.CarePlanVersions.AsNoTracking().Where(v => v.CarePlanId == planId)
            .OrderByDescending(v => v.Number)
            .Select(v => new { v.Number, v.ChangedBy, v.ChangedAt, v.Changes })
            .ToListAsync(ct);
        await db.SaveChangesAsync(ct);
        return versions.Select(v => new CarePlanVersionSummary(v.Number, v.ChangedBy, v.ChangedAt, v.Changes)).ToList();
    }

    /// <summary>An earlier version of a plan, as it was after that change.</summary>
    public async Task<CarePlanVersionView> GetVersionAsync(Actor actor, Guid patientId, Guid planId, int number, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await guard.DemandAsync(db, actor, patientId, AccessAction.Read, PatientSection.CarePlan, $"Care plan version {number}", ct);
        await OwnPlanIdAsync(db, actor, patientId, planId, AccessAction.Read, "Care plan version", ct);
        var version = await db.CarePlanVersions.AsNoTracking().SingleOrDefaultAsync(v => v.CarePlanId == planId && v.Number == number, ct)
            ?? throw new DomainException("This care plan has no version {0}.", number);
        await db.SaveChangesAsync(ct);
        return new CarePlanVersionView(planId, version.Number, version.ChangedBy, version.ChangedAt, version.Snapshot);
    }

    /// <summary>
    /// A new draft plan from a template, from <paramref name="start"/>, in the language of the person making it; activities go to
    /// the care team's organisation of their sector. Returns the plan's id.
    /// </summary>
    public Task<Guid> CreateFromTemplateAsync(Actor actor, Guid patientId, string templateId, DateOnly start, CancellationToken ct = default)
    {
        // An unknown template is refused after the guard, inside the write, like every other refusal.
        var details = templates.Find(templateId)?.Details(start, CultureInfo.CurrentUICulture) ?? new CarePlanDetails(null, [], start, null);
        return CreateAsync(actor, patientId, templateId, details, ct);
    }

    /// <summary>
    /// A new draft plan with the title, conditions and period the user chose: blank (no <paramref name="templateId"/>), or with a
    /// template's goals, activities and measurements in the language of the person making it, its activities given to the care
    /// team's organisation of their sector. Returns the plan's id.
    /// </summary>
    public Task<Guid> CreateAsync(Actor actor, Guid patientId, string? templateId, CarePlanDetails details, CancellationToken ct = default) =>
        WriteAsync(actor, patientId, AccessAction.Create, templateId is null ? "Created care plan" : "Created care plan from template",
            async (db, relationship, stamp) =>
            {
                CarePlan plan;
                if (templateId is null)
                {
                    plan = CarePlan.Create(patientId, details, [], [], [], stamp);
                }
                else
                {
                    var template = templates.Find(templateId) ?? throw new DomainException("There is no care plan template '{0}'.", templateId);
                    var careTeam = relationship.ActiveCareTeamOrganisationIds.ToList();
                    var organisations = await db.Organisations.AsNoTracking().Where(o => careTeam.Contains(o.Id)).ToListAsync(ct);
                    plan = template.Instantiate(patientId, details, CultureInfo.CurrentUICulture,
                        organisations.Select(o => (o.Id, o.Name, o.Sector)).ToList(), stamp);
                }
                db.CarePlans.Add(plan);
                var made = await OrganisationOfAsync(db, actor, ct) is { } organisation
                    ? PathwayEvent.CarePlanCreated(patientId, stamp.At, organisation, plan.Title, stamp.ByName)
                    : null;
                if (made is not null)
                    db.PathwayEvents.Add(made);
                return (plan.Id, made?.Id);
            }, ct);

    /// <summary>One change to a plan, based on the version the user opened; a stale one is refused with the stored values.</summary>
    public Task ChangeAsync(Actor actor, Guid patientId, Guid planId, Guid expectedVersion, CarePlanEdit edit, CancellationToken ct = default) =>
        WriteAsync(actor, patientId, AccessAction.Update, edit.What, async (db, relationship, stamp) =>
        {
            var plan = await db.CarePlans.SingleOrDefaultAsync(p => p.Id == planId, ct);
            if (plan is null || plan.PatientId != patientId)
            {
                throw await guard.RefuseAsync(db, actor, patientId, AccessAction.Update, PatientSection.CarePlan,
                    $"{edit.What} (unknown care plan {planId})", "That care plan is not this patient's.", ct);
            }
            var resolved = await ResolveAsync(db, relationship, patientId, edit, ct);
            resolved.Apply(plan, expectedVersion, stamp);
            var statusChanged = edit is ChangePlanStatus && await OrganisationOfAsync(db, actor, ct) is { } organisation
                ? PathwayEvent.CarePlanStatusChanged(patientId, stamp.At, organisation, plan.Title, plan.Status.ToString(), stamp.ByName)
                : null;
            if (statusChanged is not null)
                db.PathwayEvents.Add(statusChanged);
            return (plan.Id, statusChanged?.Id);
        }, ct);

    /// <summary>The organisation a professional acts for: the sender of the plan's timeline entries.</summary>
    private static async Task<Domain.Organisations.Organisation?> OrganisationOfAsync(CareDbContext db, Actor actor, CancellationToken ct) =>
        actor.OrganisationId is { } id ? await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, ct) : null;

    private static CarePlanView View(CarePlan plan) => new(plan.Id, plan.Version, plan.Revision, plan.ChangedBy, plan.ChangedAt, plan.Snapshot());

    /// <summary>An activity's organisation must be on the care team (its name and sector are taken from it); its appointment in the patient's calendar.</summary>
    private static async Task<CarePlanEdit> ResolveAsync(CareDbContext db, PatientRelationship relationship, Guid patientId, CarePlanEdit edit,
        CancellationToken ct)
    {
        var input = edit switch
        {
            AddActivity a => a.Activity,
            ChangeActivity c => c.Activity,
            _ => null,
        };
        if (input is null)
            return edit;
        if (input.OrganisationId is { } organisationId && organisationId != Guid.Empty)
        {
            if (!relationship.ActiveCareTeamOrganisationIds.Contains(organisationId))
                throw new DomainException("Choose an organisation on the patient's care team.");
            var organisation = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == organisationId, ct);
            input = input with { OrganisationName = organisation.Name, Sector = organisation.Sector };
        }
        if (input.AppointmentId is { } appointmentId && appointmentId != Guid.Empty
            && !await db.Appointments.AnyAsync(a => a.Id == appointmentId && a.PatientId == patientId, ct))
        {
            throw new DomainException("That appointment is not in this patient's calendar.");
        }
        return edit switch
        {
            AddActivity => new AddActivity(input),
            ChangeActivity c => c with { Activity = input },
            _ => edit,
        };
    }

    private static async Task<IReadOnlyList<AppointmentOption>> UpcomingAppointmentsAsync(CareDbContext db, Guid patientId, CancellationToken ct)
    {
        var appointments = await db.Appointments.AsNoTracking()
            .Where(a => a.PatientId == patientId && a.Status != Domain.Calendar.AppointmentStatus.Cancelled)
            .Join(db.Organisations, a => a.OrganisationId, o => o.Id, (a, o) => new { a.Id, a.Start, o.Name, a.Type })
            .ToListAsync(ct);
        return appointments.OrderBy(a => a.Start).TakeLast(100).Select(a => new AppointmentOption(a.Id, a.Start, a.Name, a.Type)).ToList();
    }

    private async Task OwnPlanIdAsync(CareDbContext db, Actor actor, Guid patientId, Guid planId, AccessAction action, string what, CancellationToken ct)
    {
        if (!await db.CarePlans.AnyAsync(p => p.Id == planId && p.PatientId == patientId, ct))
            throw await guard.RefuseAsync(db, actor, patientId, action, PatientSection.CarePlan, $"{what} (unknown care plan {planId})",
                "That care plan is not this patient's.", ct);
    }

    private Task<Guid> WriteAsync(Actor actor, Guid patientId, AccessAction action, string what,
        Func<CareDbContext, PatientRelationship, ChangeStamp, Task<(Guid PlanId, Guid? EventId)>> apply, CancellationToken ct) =>
        new SectionWriter(dbFactory, guard, notifier, clock, PatientSection.CarePlan).WriteAsync(actor, patientId, action, what, apply, ct);
}
