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
    public void Instantiating_KeepsTheTemplatesMeasurementsToFollow_InTheChosenLanguage_AndInTheFirstVersion()
    {
        var english = Plan();
        var danish = Copd().Instantiate(PatientId, Start, CultureInfo.GetCultureInfo("da-DK"), [], Gp());

        var fev1 = Assert.Single(english.Measurements);
        Assert.Equal(("FEV1", "L", "Yearly"), (fev1.Name, fev1.Unit, fev1.Frequency));
        Assert.Equal("Årligt", Assert.Single(danish.Measurements).Frequency);
        Assert.Equal(["FEV1"], english.Snapshot().Measurements.Select(m => m.Name));
        Assert.Equal(["FEV1"], Assert.Single(english.NewVersions).Snapshot.Measurements.Select(m => m.Name));
    }

    [Fact]
    public void AMeasurementWithANonUcumUnit_IsRefused()
    {
        var ex = Assert.Throws<DomainException>(() => CarePlan.Create(PatientId, new CarePlanDetails("Plan", ["COPD (DJ44)"], Start, null), [], [],
            [new MeasurementInput("Blood pressure", "mmHg", "Monthly")], Gp()));

        Assert.Contains("'mmHg' is not a UCUM unit", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ABlankPlan_HasNoGoalsActivitiesOrMeasurements_ButItsChosenDetails()
    {
        var plan = CarePlan.Create(PatientId, new CarePlanDetails(" Heart failure plan ", ["Heart failure (DI50)", "Heart failure (DI50)"], Start, null),
            [], [], [], Gp());

        Assert.Equal(("Heart failure plan", (string?)null, CarePlanStatus.Draft), (plan.Title, plan.TemplateId, plan.Status));
        Assert.Equal(["Heart failure (DI50)"], plan.Conditions);
        Assert.Empty(plan.Goals);
        Assert.Empty(plan.Measurements);
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
