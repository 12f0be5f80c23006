using CareWorkspace.Domain.CarePlans;
using CareWorkspace.Domain.Common;
using static CareWorkspace.UnitTests.CarePlans.CarePlanTestData;

namespace CareWorkspace.UnitTests.CarePlans;

public sealed class GoalRulesTests
{
    [Theory]
    [InlineData(GoalAchievement.InProgress, GoalAchievement.Improving, true)]
    [InlineData(GoalAchievement.Improving, GoalAchievement.Worsening, true)]
    [InlineData(GoalAchievement.Worsening, GoalAchievement.Achieved, true)]
    [InlineData(GoalAchievement.InProgress, GoalAchievement.NotAchieved, true)]
    [InlineData(GoalAchievement.Achieved, GoalAchievement.InProgress, true)]
    [InlineData(GoalAchievement.NotAchieved, GoalAchievement.InProgress, true)]
    [InlineData(GoalAchievement.Achieved, GoalAchievement.Improving, false)]
    [InlineData(GoalAchievement.Achieved, GoalAchievement.NotAchieved, false)]
    [InlineData(GoalAchievement.NotAchieved, GoalAchievement.Worsening, false)]
    [InlineData(GoalAchievement.Improving, GoalAchievement.Improving, false)]
    public void AchievementMoves_FreelyWhileOpen_AndFromAnEvaluationOnlyBackToInProgress(GoalAchievement from, GoalAchievement to, bool allowed) =>
        Assert.Equal(allowed, GoalAchievementRules.MayMove(from, to));

    [Fact]
    public void AnAchievedGoal_CannotJumpToWorsening()
    {
        var plan = Plan();
        var goal = plan.Goals[0];
        plan.ChangeGoalAchievement(plan.Version, goal.Id, GoalAchievement.Achieved, Gp(1));

        var ex = Assert.Throws<DomainException>(() => plan.ChangeGoalAchievement(plan.Version, goal.Id, GoalAchievement.Worsening, Gp(2)));

        Assert.Equal("A goal that is {0} cannot become {1}; take it up again (in progress) first.", ex.Template);
        Assert.Equal("A goal that is Achieved cannot become Worsening; take it up again (in progress) first.", Web.Resources.DomainText.Explain(ex));
        var before = (System.Globalization.CultureInfo.CurrentCulture, System.Globalization.CultureInfo.CurrentUICulture);
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo("da-DK");
            Assert.Equal("Et mål, der er Opfyldt, kan ikke blive Forværring; genoptag det (i gang) først.", Web.Resources.DomainText.Explain(ex));
        }
        finally
        {
            (System.Globalization.CultureInfo.CurrentCulture, System.Globalization.CultureInfo.CurrentUICulture) = before;
        }
        Assert.Equal(GoalAchievement.Achieved, plan.Goals[0].Achievement);
    }

    [Fact]
    public void AgreeingAGoal_RecordsWhoAndWhen_AndOnlyOnce()
    {
        var plan = Plan();
        var goal = plan.Goals[0];

        plan.AgreeGoal(plan.Version, goal.Id, Gp(5));

        Assert.True(plan.Goals[0].IsAgreed);
        Assert.Equal(("Sofie Nielsen (Lægehuset)", Gp(5).At), (plan.Goals[0].AgreedBy, plan.Goals[0].AgreedAt!.Value));
        Assert.Throws<DomainException>(() => plan.AgreeGoal(plan.Version, goal.Id, Gp(6)));
    }

    [Fact]
    public void ChangingTheTargetOfAnAgreedGoal_WithdrawsTheAgreement_ButRewordingDoesNot()
    {
        var plan = Plan();
        var goal = plan.Goals[1];
        plan.AgreeGoal(plan.Version, goal.Id, Gp(1));

        plan.ChangeGoal(plan.Version, goal.Id, new GoalInput("Walk a bit further", goal.MeasureName, goal.Comparator, goal.Target, goal.Unit, goal.DueDate), Gp(2));
        Assert.True(plan.Goals[1].IsAgreed);

        plan.ChangeGoal(plan.Version, goal.Id, new GoalInput("Walk a bit further", goal.MeasureName, goal.Comparator, 350, goal.Unit, goal.DueDate), Gp(3));
        Assert.False(plan.Goals[1].IsAgreed);
        Assert.Contains(plan.NewVersions[^1].Changes, c => c.Kind == CarePlanChangeKind.GoalAgreementWithdrawn);
    }

    [Fact]
    public void AGoalWithoutAMeasure_IsRefused()
    {
        var plan = Plan();

        var ex = Assert.Throws<DomainException>(() => plan.AddGoal(plan.Version, HbA1c(measure: "  "), Gp(1)));

        Assert.Equal("A goal needs a measure: what is measured, its target value and unit.", ex.Template);
        Assert.Equal(2, plan.Goals.Count);
    }

    [Fact]
    public void AGoalWithoutATargetValue_IsRefused()
    {
        var plan = Plan();

        var ex = Assert.Throws<DomainException>(() => plan.AddGoal(plan.Version, HbA1c(target: null), Gp(1)));

        Assert.Equal("A goal's measure needs a target value.", ex.Template);
    }

    [Fact]
    public void AGoalWithANonUcumUnit_IsRefusedWithTheUnitNamed()
    {
        var plan = Plan();

        var ex = Assert.Throws<DomainException>(() => plan.AddGoal(plan.Version, HbA1c(unit: "mmHg"), Gp(1)));

        Assert.Equal(["mmHg"], ex.Arguments);
        Assert.Contains("is not a UCUM unit", ex.Message);
    }

    [Fact]
    public void AGoalDueBeforeThePlanStarts_IsRefused()
    {
        var plan = Plan();

        Assert.Throws<DomainException>(() => plan.AddGoal(plan.Version, HbA1c() with { DueDate = Start.AddDays(-1) }, Gp(1)));
    }

    [Fact]
    public void AStaleEdit_IsRefusedWithWhoChangedItAndTheStoredValues()
    {
        var plan = Plan();
        var opened = plan.Version;
        plan.AddGoal(opened, HbA1c(), Gp(1));

        var ex = Assert.Throws<StaleEditException>(() => plan.AgreeGoal(opened, plan.Goals[0].Id, Gp(2)));

        Assert.Equal("Sofie Nielsen (Lægehuset)", ex.ChangedBy);
        Assert.Contains("Lower blood sugar", ex.CurrentValues["Goals"]);
        Assert.False(plan.Goals[0].IsAgreed);
    }

    [Fact]
    public void EveryChange_IsANewVersionWithItsSnapshot_AndEarlierSnapshotsStayAsTheyWere()
    {
        var plan = Plan();
        plan.AgreeGoal(plan.Version, plan.Goals[0].Id, Gp(1));
        plan.AddNote(plan.Version, "Jens wants to start with the walking.", Gp(2));

        Assert.Equal([1, 2, 3], plan.NewVersions.Select(v => v.Number));
        Assert.Equal(3, plan.Revision);
        Assert.Null(plan.NewVersions[0].Snapshot.Goals[0].AgreedAt);
        Assert.NotNull(plan.NewVersions[1].Snapshot.Goals[0].AgreedAt);
        Assert.Empty(plan.NewVersions[1].Snapshot.Notes);
        Assert.Equal(CarePlanChangeKind.NoteAdded, plan.NewVersions[2].Changes.Single().Kind);
    }

    [Fact]
    public void APlan_BecomesActiveOnlyWithGoals_AndCompletesOnlyWhenEveryGoalIsEvaluated()
    {
        var plan = Plan();
        plan.ChangeStatus(plan.Version, CarePlanStatus.Active, Gp(1));
        Assert.Throws<DomainException>(() => plan.ChangeStatus(plan.Version, CarePlanStatus.Completed, Gp(2)));

        foreach (var goal in plan.Goals)
            plan.ChangeGoalAchievement(plan.Version, goal.Id, GoalAchievement.Achieved, Gp(3));
        plan.ChangeStatus(plan.Version, CarePlanStatus.Completed, Gp(4));

        Assert.Equal(CarePlanStatus.Completed, plan.Status);
        var ex = Assert.Throws<DomainException>(() => plan.AddNote(plan.Version, "Too late", Gp(5)));
        Assert.Equal("A care plan that is {0} can no longer be changed.", ex.Template);
    }

    [Theory]
    [InlineData(CarePlanStatus.Draft, CarePlanStatus.Completed)]
    [InlineData(CarePlanStatus.Revoked, CarePlanStatus.Active)]
    [InlineData(CarePlanStatus.Completed, CarePlanStatus.Active)]
    public void StatusMoves_OnlyForward(CarePlanStatus from, CarePlanStatus to) => Assert.False(CarePlanLifecycle.MayMove(from, to));
}
