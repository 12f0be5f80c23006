using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.CarePlans;
using CareWorkspace.Domain.Common;
using CareWorkspace.Domain.Organisations;
using CareWorkspace.Domain.Pathway;
using CareWorkspace.Infrastructure.Realtime;
using CareWorkspace.IntegrationTests.Infrastructure;
using CareWorkspace.Web.Features.CarePlans;
using CareWorkspace.Web.Features.Consents;
using CareWorkspace.Web.Features.Timeline;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareWorkspace.IntegrationTests;

/// <summary>Care plans through their service: from a template, every change a version, stale edits, refusals, and who may see them.</summary>
public abstract class CarePlanServiceTests(CareAppFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_GP_creates_a_COPD_plan_from_the_template_it_is_stored_with_its_first_version_and_signalled()
    {
        var jensId = await factory.JensIdAsync(Ct);
        var gp = await factory.ActorAsync("gp.larsen", Ct);
        var notifier = factory.Services.GetRequiredService<IPathwayNotifier>();
        using var probe = new ChangeProbe<int>(notifier, jensId, PatientSection.CarePlan, _ => Task.FromResult(0));
        var start = CalendarTestData.NextDay();

        var id = await Service(s => s.CreateFromTemplateAsync(gp, jensId, "copd", start, Ct));

        var (change, _) = await probe.ArrivalAsync(id, Ct);
        Assert.Contains(AudienceKey.ForOrganisation(gp.OrganisationId!.Value), change.SeenBy!);
        var plan = (await GetAsync(gp, jensId)).Plans.Single(p => p.Id == id);
        Assert.Equal(("COPD care plan", CarePlanStatus.Draft, 1), (plan.Title, plan.Status, plan.Revision));
        Assert.Contains(plan.Plan.Goals, g => g.Description == "Stop smoking" && g.Unit == "{cigarettes}/d" && g.Target == 0);
        Assert.Contains(plan.Plan.Goals, g => g.MeasureName == "6-minute walk distance" && g.Target == 300m && g.Unit == "m");
        var checkUp = plan.Plan.Activities.Single(a => a.Description == "Annual check-up with spirometry");
        Assert.Equal(Sector.GeneralPractice, checkUp.Sector);
        Assert.Equal(gp.OrganisationId, checkUp.OrganisationId);
        Assert.Equal(["FEV1", "Oxygen saturation", "Weight", "6-minute walk distance"], plan.Plan.Measurements.Select(m => m.Name));
        Assert.Equal(("L", "Yearly"), (plan.Plan.Measurements[0].Unit, plan.Plan.Measurements[0].Frequency));
        Assert.Equal(4, (await Service(s => s.GetVersionAsync(gp, jensId, id, 1, Ct))).Plan.Measurements.Count);
        var history = await Service(s => s.GetHistoryAsync(gp, jensId, id, Ct));
        Assert.Equal(CarePlanChangeKind.Created, Assert.Single(Assert.Single(history).Changes).Kind);

        await Service(s => s.ChangeAsync(gp, jensId, id, plan.Version, new ChangePlanStatus(CarePlanStatus.Active), Ct));
        var timeline = await factory.CallAsync<TimelineService, TimelinePage>(s => s.GetAsync(gp, jensId,
            new TimelineFilter(Types: new HashSet<PathwayEventType> { PathwayEventType.PlanChange }), 0, 200, Ct));
        Assert.Contains(timeline.Entries, e => e.Kind == PathwayEventKind.CarePlanCreated && e.Parameters![PathwayEventParameters.Subject] == "COPD care plan");
        Assert.Contains(timeline.Entries, e => e.Kind == PathwayEventKind.CarePlanStatusChanged && e.Parameters![PathwayEventParameters.Status] == "Active");
        Assert.Equal(CarePlanStatus.Active, (await PlanAsync(gp, jensId, id)).Status);
    }

    [Fact]
    public async Task Every_change_is_a_version_and_an_earlier_version_opens_as_it_was()
    {
        var jensId = await factory.JensIdAsync(Ct);
        var gp = await factory.ActorAsync("gp.larsen", Ct);
        var nurse = await factory.ActorAsync("nurse.holm", Ct);
        var id = await Service(s => s.CreateFromTemplateAsync(gp, jensId, "copd", CalendarTestData.NextDay(), Ct));
        var plan = await PlanAsync(gp, jensId, id);
        var smoking = plan.Plan.Goals.Single(g => g.Description == "Stop smoking");

        await Service(s => s.ChangeAsync(gp, jensId, id, plan.Version, new AgreeGoal(smoking.Id), Ct));
        plan = await PlanAsync(nurse, jensId, id);
        await Service(s => s.ChangeAsync(nurse, jensId, id, plan.Version, new ChangeGoalAchievement(smoking.Id, GoalAchievement.Improving), Ct));

        var now = await PlanAsync(gp, jensId, id);
        Assert.Equal(3, now.Revision);
        var agreed = now.Plan.Goals.Single(g => g.Id == smoking.Id);
        Assert.Equal(GoalAchievement.Improving, agreed.Achievement);
        Assert.StartsWith("Peter Larsen", agreed.AgreedBy, StringComparison.Ordinal);
        var history = await Service(s => s.GetHistoryAsync(gp, jensId, id, Ct));
        Assert.Equal([3, 2, 1], history.Select(v => v.Number));
        Assert.Equal(CarePlanChangeKind.GoalAchievementChanged, history[0].Changes.Single().Kind);
        Assert.StartsWith("Anne Holm", history[0].ChangedBy, StringComparison.Ordinal);
        var second = await Service(s => s.GetVersionAsync(gp, jensId, id, 2, Ct));
        var then = second.Plan.Goals.Single(g => g.Id == smoking.Id);
        Assert.Equal(GoalAchievement.InProgress, then.Achievement);
        Assert.NotNull(then.AgreedAt);
        var first = await Service(s => s.GetVersionAsync(gp, jensId, id, 1, Ct));
        Assert.Null(first.Plan.Goals.Single(g => g.Id == smoking.Id).AgreedAt);
    }

    [Fact]
    public async Task A_stale_edit_is_refused_with_who_changed_it_and_nothing_of_it_is_saved()
    {
        var jensId = await factory.JensIdAsync(Ct);
        var gp = await factory.ActorAsync("gp.larsen", Ct);
        var nurse = await factory.ActorAsync("nurse.holm", Ct);
        var id = await Service(s => s.CreateFromTemplateAsync(gp, jensId, "type-2-diabetes", CalendarTestData.NextDay(), Ct));
        var opened = await PlanAsync(nurse, jensId, id);

        await Service(s => s.ChangeAsync(gp, jensId, id, opened.Version, new AddNote("Jens wants to begin with the walking."), Ct));
        var ex = await Assert.ThrowsAsync<StaleEditException>(() =>
            Service(s => s.ChangeAsync(nurse, jensId, id, opened.Version, new AddNote("A note on an old version"), Ct)));

        Assert.StartsWith("Peter Larsen", ex.ChangedBy, StringComparison.Ordinal);
        Assert.Equal("2", ex.CurrentValues["Version"]);
        var now = await PlanAsync(gp, jensId, id);
        Assert.Equal(["Jens wants to begin with the walking."], now.Plan.Notes.Select(n => n.Text));
        Assert.Equal(2, now.Revision);
    }

    [Fact]
    public async Task A_goal_with_a_unit_that_is_not_UCUM_is_refused_logged_and_nothing_is_saved()
    {
        var jensId = await factory.JensIdAsync(Ct);
        var gp = await factory.ActorAsync("gp.larsen", Ct);
        var id = await Service(s => s.CreateFromTemplateAsync(gp, jensId, "copd", CalendarTestData.NextDay(), Ct));
        var plan = await PlanAsync(gp, jensId, id);

        var ex = await Assert.ThrowsAsync<DomainException>(() => Service(s => s.ChangeAsync(gp, jensId, id, plan.Version,
            new AddGoal(new GoalInput("Lower blood pressure", "Systolic", GoalComparator.AtMost, 140, "mmHg", null)), Ct)));
        var noMeasure = await Assert.ThrowsAsync<DomainException>(() => Service(s => s.ChangeAsync(gp, jensId, id, plan.Version,
            new AddGoal(new GoalInput("Feel better", null, GoalComparator.AtMost, null, null, null)), Ct)));

        Assert.Contains("'mmHg' is not a UCUM unit", ex.Message, StringComparison.Ordinal);
        Assert.Equal("A goal needs a measure: what is measured, its target value and unit.", noMeasure.Template);
        Assert.Equal(noMeasure.Message, await AccessTestData.LatestRefusalAsync(factory, gp.UserId, jensId, Ct));
        var now = await PlanAsync(gp, jensId, id);
        Assert.Equal((1, plan.Plan.Goals.Count), (now.Revision, now.Plan.Goals.Count));
    }

    [Fact]
    public async Task An_activity_for_an_organisation_outside_the_care_team_is_refused()
    {
        var jensId = await factory.JensIdAsync(Ct);
        var gp = await factory.ActorAsync("gp.larsen", Ct);
        var stranger = await factory.ActorAsync("nurse.roskilde", Ct);
        var id = await Service(s => s.CreateFromTemplateAsync(gp, jensId, "copd", CalendarTestData.NextDay(), Ct));
        var plan = await PlanAsync(gp, jensId, id);

        var ex = await Assert.ThrowsAsync<DomainException>(() => Service(s => s.ChangeAsync(gp, jensId, id, plan.Version,
            new AddActivity(new ActivityInput("Home visit", stranger.OrganisationId, "forged", Sector.Hospital, null, ActivityStatus.NotStarted, null)), Ct)));

        Assert.Equal("Choose an organisation on the patient's care team.", ex.Template);
    }

    [Fact]
    public async Task A_nurse_outside_the_care_team_is_refused_reading_and_changing_and_it_is_logged()
    {
        var jensId = await factory.JensIdAsync(Ct);
        var gp = await factory.ActorAsync("gp.larsen", Ct);
        var stranger = await factory.ActorAsync("nurse.roskilde", Ct);
        var id = await Service(s => s.CreateFromTemplateAsync(gp, jensId, "copd", CalendarTestData.NextDay(), Ct));
        var plan = await PlanAsync(gp, jensId, id);

        var read = await Assert.ThrowsAsync<PatientAccessDeniedException>(() => GetAsync(stranger, jensId));
        var change = await Assert.ThrowsAsync<PatientAccessDeniedException>(() =>
            Service(s => s.ChangeAsync(stranger, jensId, id, plan.Version, new AddNote("Not mine to write"), Ct)));
        await Assert.ThrowsAsync<PatientAccessDeniedException>(() => Service(s => s.GetVersionAsync(stranger, jensId, id, 1, Ct)));

        Assert.Contains("not on the patient's care team", read.Message, StringComparison.Ordinal);
        Assert.Equal(change.Message, await AccessTestData.LatestRefusalAsync(factory, stranger.UserId, jensId, Ct));
        Assert.True(await AccessTestData.CountRecordsAsync(factory, stranger.UserId, jensId, allowed: false, PatientSection.CarePlan, Ct) >= 3);
        Assert.Equal(1, (await PlanAsync(gp, jensId, id)).Revision);
    }

    [Fact]
    public async Task A_relative_reads_the_plans_only_when_the_consent_includes_them_and_never_changes_them()
    {
        var jensId = await factory.JensIdAsync(Ct);
        var gp = await factory.ActorAsync("gp.larsen", Ct);
        var (relative, _, _) = await AccessTestData.NewRelativeAsync(factory, jensId, Ct);
        var id = await Service(s => s.CreateFromTemplateAsync(gp, jensId, "copd", CalendarTestData.NextDay(), Ct));

        await factory.CallAsync<ConsentService, Guid>(s => s.GrantAsync(gp, jensId,
            new ConsentInput(relative.UserId, [PatientSection.MasterData, PatientSection.Calendar], null, "Care plan test"), Ct));
        await Assert.ThrowsAsync<PatientAccessDeniedException>(() => GetAsync(relative, jensId));

        await factory.CallAsync<ConsentService, Guid>(s => s.GrantAsync(gp, jensId,
            new ConsentInput(relative.UserId, [PatientSection.MasterData, PatientSection.CarePlan], null, "Care plan test"), Ct));
        var view = await GetAsync(relative, jensId);
        var plan = view.Plans.Single(p => p.Id == id);
        Assert.Equal((false, false), (view.Can.Create, view.Can.Change));
        Assert.Empty(view.Templates);
        Assert.Empty(view.Organisations);
        await Assert.ThrowsAsync<PatientAccessDeniedException>(() =>
            Service(s => s.ChangeAsync(relative, jensId, id, plan.Version, new AddNote("From the relative"), Ct)));
    }

    [Fact]
    public async Task A_plan_id_of_another_patient_is_refused_and_logged()
    {
        var jensId = await factory.JensIdAsync(Ct);
        var gp = await factory.ActorAsync("gp.larsen", Ct);
        var id = await Service(s => s.CreateFromTemplateAsync(gp, jensId, "copd", CalendarTestData.NextDay(), Ct));
        await using var db = await factory.CreateDbContextAsync(Ct);
        var otherId = await db.Patients.Where(p => p.Id != jensId).Select(p => p.Id).FirstAsync(Ct);
        var plan = await PlanAsync(gp, jensId, id);

        await Assert.ThrowsAnyAsync<Exception>(() => Service(s => s.ChangeAsync(gp, otherId, id, plan.Version, new AddNote("Wrong patient"), Ct)));

        Assert.Equal(1, (await PlanAsync(gp, jensId, id)).Revision);
    }

    [Fact]
    public async Task The_demo_gives_Jens_an_active_COPD_plan_with_goals_agreed_with_him()
    {
        var jensId = await factory.JensIdAsync(Ct);
        var jens = await factory.ActorAsync("jens", Ct);

        var view = await GetAsync(jens, jensId);

        // The demo's plan is the one in Danish (Jens' GP writes Danish); the other tests make theirs in English.
        var copd = Assert.Single(view.Plans, p => p.Title == "Forløbsplan for KOL");
        Assert.Equal(("copd", CarePlanStatus.Active), (copd.Plan.TemplateId, copd.Status));
        Assert.True(copd.Plan.Goals.Count(g => g.AgreedAt is not null) >= 2);
        Assert.Contains(copd.Plan.Activities, a => a.Sector == Sector.GeneralPractice && a.Description == "Årskontrol med spirometri");
        Assert.Equal((false, false), (view.Can.Create, view.Can.Change));
        Assert.True(copd.Revision >= 5);
    }

    [Fact]
    public async Task A_blank_plan_is_stored_with_the_chosen_title_conditions_and_period_and_its_details_can_be_changed_later()
    {
        var jensId = await factory.JensIdAsync(Ct);
        var gp = await factory.ActorAsync("gp.larsen", Ct);
        var start = CalendarTestData.NextDay();

        var id = await Service(s => s.CreateAsync(gp, jensId, null,
            new CarePlanDetails("Heart failure plan", ["Heart failure (DI50)", "Hypertension (DI10)"], start, start.AddMonths(6)), Ct));

        var plan = await PlanAsync(gp, jensId, id);
        Assert.Equal(("Heart failure plan", CarePlanStatus.Draft, (string?)null), (plan.Title, plan.Status, plan.Plan.TemplateId));
        Assert.Equal(["Heart failure (DI50)", "Hypertension (DI10)"], plan.Plan.Conditions);
        Assert.Equal((start, (DateOnly?)start.AddMonths(6)), (plan.Plan.Start, plan.Plan.End));
        Assert.Empty(plan.Plan.Goals);
        Assert.Empty(plan.Plan.Activities);

        await Service(s => s.ChangeAsync(gp, jensId, id, plan.Version,
            new ChangePlanDetails(new CarePlanDetails("Heart failure and diabetes plan", ["Heart failure (DI50)", "Type 2 diabetes (DE11)"], start, null)), Ct));

        var changed = await PlanAsync(gp, jensId, id);
        Assert.Equal(("Heart failure and diabetes plan", 2, (DateOnly?)null), (changed.Title, changed.Revision, changed.Plan.End));
        Assert.Equal(["Heart failure (DI50)", "Type 2 diabetes (DE11)"], changed.Plan.Conditions);
        var history = await Service(s => s.GetHistoryAsync(gp, jensId, id, Ct));
        Assert.Equal(CarePlanChangeKind.DetailsChanged, history[0].Changes.Single().Kind);
        Assert.Equal("Heart failure plan", (await Service(s => s.GetVersionAsync(gp, jensId, id, 1, Ct))).Plan.Title);
    }

    [Fact]
    public async Task A_plan_from_a_template_takes_the_chosen_title_and_period_and_its_goals_fall_due_from_the_chosen_start()
    {
        var jensId = await factory.JensIdAsync(Ct);
        var gp = await factory.ActorAsync("gp.larsen", Ct);
        var start = CalendarTestData.NextDay().AddDays(14);

        var id = await Service(s => s.CreateAsync(gp, jensId, "copd", new CarePlanDetails("Jens' COPD plan", ["COPD (DJ44)"], start, start.AddMonths(3)), Ct));

        var plan = await PlanAsync(gp, jensId, id);
        Assert.Equal(("Jens' COPD plan", "copd", (DateOnly?)start.AddMonths(3)), (plan.Title, plan.Plan.TemplateId, plan.Plan.End));
        var walk = plan.Plan.Goals.Single(g => g.MeasureName == "6-minute walk distance");
        Assert.Equal(start.AddMonths(6), walk.DueDate);
        Assert.Contains(plan.Plan.Activities, a => a.Description == "Annual check-up with spirometry");
    }

    [Fact]
    public async Task A_plan_whose_end_is_before_its_start_is_refused_and_nothing_is_stored()
    {
        var jensId = await factory.JensIdAsync(Ct);
        var gp = await factory.ActorAsync("gp.larsen", Ct);
        var start = CalendarTestData.NextDay();
        var before = (await GetAsync(gp, jensId)).Plans.Count;

        await Assert.ThrowsAsync<DomainException>(() => Service(s => s.CreateAsync(gp, jensId, null,
            new CarePlanDetails("Backwards plan", ["COPD (DJ44)"], start, start.AddDays(-1)), Ct)));
        await Assert.ThrowsAsync<DomainException>(() => Service(s => s.CreateAsync(gp, jensId, null,
            new CarePlanDetails("No conditions", [], start, null), Ct)));

        Assert.Equal(before, (await GetAsync(gp, jensId)).Plans.Count);
    }

    [Fact]
    public async Task The_GP_follows_another_measurement_stops_one_and_removes_a_goal_that_does_not_fit_each_kept_as_a_version()
    {
        var jensId = await factory.JensIdAsync(Ct);
        var gp = await factory.ActorAsync("gp.larsen", Ct);
        var id = await Service(s => s.CreateFromTemplateAsync(gp, jensId, "copd", CalendarTestData.NextDay(), Ct));
        var plan = await PlanAsync(gp, jensId, id);
        var weight = plan.Plan.Measurements.Single(m => m.Name == "Weight");
        var smoking = plan.Plan.Goals.Single(g => g.Description == "Stop smoking");

        await Service(s => s.ChangeAsync(gp, jensId, id, plan.Version, new AddMeasurement(new MeasurementInput("Blood pressure, systolic", "mm[Hg]", "At every check-up")), Ct));
        plan = await PlanAsync(gp, jensId, id);
        await Service(s => s.ChangeAsync(gp, jensId, id, plan.Version, new ChangeMeasurement(weight.Id, new MeasurementInput("Weight", "kg", "Every three months")), Ct));
        plan = await PlanAsync(gp, jensId, id);
        await Service(s => s.ChangeAsync(gp, jensId, id, plan.Version, new RemoveMeasurement(plan.Plan.Measurements.Single(m => m.Name == "Oxygen saturation").Id), Ct));
        plan = await PlanAsync(gp, jensId, id);
        await Service(s => s.ChangeAsync(gp, jensId, id, plan.Version, new RemoveGoal(smoking.Id), Ct));

        var now = await PlanAsync(gp, jensId, id);
        Assert.Equal(["FEV1", "Weight", "6-minute walk distance", "Blood pressure, systolic"], now.Plan.Measurements.Select(m => m.Name));
        Assert.Equal("Every three months", now.Plan.Measurements.Single(m => m.Id == weight.Id).Frequency);
        Assert.Equal("mm[Hg]", now.Plan.Measurements[^1].Unit);
        Assert.DoesNotContain(now.Plan.Goals, g => g.Id == smoking.Id);
        var history = await Service(s => s.GetHistoryAsync(gp, jensId, id, Ct));
        Assert.Equal([CarePlanChangeKind.GoalRemoved, CarePlanChangeKind.MeasurementRemoved, CarePlanChangeKind.MeasurementChanged, CarePlanChangeKind.MeasurementAdded],
            history.Take(4).Select(v => v.Changes.Single().Kind));
        var beforeRemovals = await Service(s => s.GetVersionAsync(gp, jensId, id, 3, Ct));
        Assert.Contains(beforeRemovals.Plan.Measurements, m => m.Name == "Oxygen saturation");
        Assert.Contains(beforeRemovals.Plan.Goals, g => g.Id == smoking.Id);
    }

    [Fact]
    public async Task A_measurement_with_a_unit_that_is_not_UCUM_is_refused_logged_and_nothing_is_saved()
    {
        var jensId = await factory.JensIdAsync(Ct);
        var gp = await factory.ActorAsync("gp.larsen", Ct);
        var id = await Service(s => s.CreateFromTemplateAsync(gp, jensId, "copd", CalendarTestData.NextDay(), Ct));
        var plan = await PlanAsync(gp, jensId, id);

        var ex = await Assert.ThrowsAsync<DomainException>(() => Service(s => s.ChangeAsync(gp, jensId, id, plan.Version,
            new AddMeasurement(new MeasurementInput("Blood pressure", "mmHg", null)), Ct)));

        Assert.Contains("'mmHg' is not a UCUM unit", ex.Message, StringComparison.Ordinal);
        Assert.Equal(ex.Message, await AccessTestData.LatestRefusalAsync(factory, gp.UserId, jensId, Ct));
        var now = await PlanAsync(gp, jensId, id);
        Assert.Equal((plan.Revision, 4), (now.Revision, now.Plan.Measurements.Count));
    }

    private async Task<CarePlanView> PlanAsync(Actor actor, Guid patientId, Guid id) => (await GetAsync(actor, patientId)).Plans.Single(p => p.Id == id);

    private Task<CarePlansView> GetAsync(Actor actor, Guid patientId) =>
        factory.CallAsync<CarePlanService, CarePlansView>(s => s.GetAsync(actor, patientId, Ct));

    private Task<T> Service<T>(Func<CarePlanService, Task<T>> call) => factory.CallAsync(call);

    private Task Service(Func<CarePlanService, Task> call) => factory.CallAsync(call);
}

public sealed class CarePlanServiceTests_Sqlite(SqliteAppFactory factory) : CarePlanServiceTests(factory), IClassFixture<SqliteAppFactory>;

public sealed class CarePlanServiceTests_PostgreSql(PostgreSqlAppFactory factory) : CarePlanServiceTests(factory), IClassFixture<PostgreSqlAppFactory>;
