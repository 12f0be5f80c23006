using System.Globalization;
using CareWorkspace.Domain.CarePlans;
using CareWorkspace.Domain.Common;
using CareWorkspace.Domain.Organisations;
using static CareWorkspace.UnitTests.CarePlans.CarePlanTestData;

namespace CareWorkspace.UnitTests.CarePlans;

public sealed class CarePlanTemplateTests
{
    [Fact]
    public void Instantiating_MakesADraftWithTheTemplatesGoalsActivitiesAndPeriod()
    {
        var plan = Plan();

        Assert.Equal(CarePlanStatus.Draft, plan.Status);
        Assert.Equal(PatientId, plan.PatientId);
        Assert.Equal("COPD care plan", plan.Title);
        Assert.Equal(["COPD (DJ44)"], plan.Conditions);
        Assert.Equal((Start, (DateOnly?)Start.AddMonths(12)), (plan.Start, plan.End));
        Assert.Equal(("copd", "1.0.0"), (plan.TemplateId, plan.TemplateVersion));
        Assert.Equal(["Stop smoking", "Walk further"], plan.Goals.Select(g => g.Description));
        var walk = plan.Goals[1];
        Assert.Equal(("6-minute walk distance", GoalComparator.AtLeast, 300m, "m"), (walk.MeasureName, walk.Comparator, walk.Target, walk.Unit));
        Assert.Equal(Start.AddMonths(12), walk.DueDate);
        Assert.All(plan.Goals, g => Assert.Equal(GoalAchievement.InProgress, g.Achievement));
        Assert.All(plan.Goals, g => Assert.False(g.IsAgreed));
    }

    [Fact]
    public void Instantiating_GivesEachActivityTheCareTeamsOrganisationOfItsSector()
    {
        var plan = Plan();

        var checkUp = plan.Activities.Single(a => a.Sector == Sector.GeneralPractice);
        Assert.Equal((GpId, "Lægehuset"), (checkUp.OrganisationId!.Value, checkUp.OrganisationName));
        Assert.Equal(MunicipalityId, plan.Activities.Single(a => a.Sector == Sector.Municipality).OrganisationId);
        Assert.All(plan.Activities, a => Assert.Equal(ActivityStatus.NotStarted, a.Status));
    }

    [Fact]
    public void Instantiating_WithoutOneOrganisationOfTheSector_LeavesTheResponsibleOrganisationOpen()
    {
        var plan = Copd().Instantiate(PatientId, Start, CultureInfo.GetCultureInfo("en"), [], Gp());

        Assert.All(plan.Activities, a => Assert.Null(a.OrganisationId));
    }

    [Fact]
    public void Instantiating_InDanish_TakesTheDanishTexts()
    {
        var plan = Copd().Instantiate(PatientId, Start, CultureInfo.GetCultureInfo("da-DK"), [], Gp());

        Assert.Equal("Forløbsplan for KOL", plan.Title);
        Assert.Equal("Rygestop", plan.Goals[0].Description);
        Assert.Equal("Årskontrol med spirometri", plan.Activities[0].Description);
    }

    [Fact]
    public void Instantiating_RecordsTheFirstVersion()
    {
        var plan = Plan();

        var first = Assert.Single(plan.NewVersions);
        Assert.Equal((1, "Sofie Nielsen (Lægehuset)"), (first.Number, first.ChangedBy));
        Assert.Equal(CarePlanChangeKind.Created, Assert.Single(first.Changes).Kind);
        Assert.Equal(2, first.Snapshot.Goals.Count);
    }

    [Fact]
    public void ATemplateGoalWithANonUcumUnit_IsRefused()
    {
        var ex = Assert.Throws<DomainException>(() =>
            new TemplateGoal(T("Walk", "Gå"), T("Walk", "Gang"), GoalComparator.AtLeast, 300, "metres", 6));

        Assert.Contains("not a UCUM unit", ex.Message);
    }
}
