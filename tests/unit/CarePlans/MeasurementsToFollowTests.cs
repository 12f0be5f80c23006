using CareWorkspace.Domain.CarePlans;
using CareWorkspace.Domain.Common;
using static CareWorkspace.UnitTests.CarePlans.CarePlanTestData;

namespace CareWorkspace.UnitTests.CarePlans;

/// <summary>The measurements a plan follows start as the template's and are then the care team's to add, change and remove.</summary>
public sealed class MeasurementsToFollowTests
{
    [Fact]
    public void AMeasurementAdded_ChangedAndRemoved_IsEachANewVersion_AndEarlierSnapshotsKeepItAsItWas()
    {
        var plan = Plan();

        var weight = plan.AddMeasurement(plan.Version, new MeasurementInput("Weight", "kg", "At every check-up"), Gp(1));
        plan.ChangeMeasurement(plan.Version, weight.Id, new MeasurementInput("Weight", "kg", "Every three months"), Gp(2));
        plan.RemoveMeasurement(plan.Version, plan.Measurements[0].Id, Gp(3));

        var measurement = Assert.Single(plan.Measurements);
        Assert.Equal(("Weight", "kg", "Every three months"), (measurement.Name, measurement.Unit, measurement.Frequency));
        Assert.Equal(
            [CarePlanChangeKind.MeasurementAdded, CarePlanChangeKind.MeasurementChanged, CarePlanChangeKind.MeasurementRemoved],
            plan.NewVersions.Skip(1).Select(v => Assert.Single(v.Changes).Kind));
        Assert.Equal("FEV1", Assert.Single(plan.NewVersions[^1].Changes).Subject);
        Assert.Equal(["FEV1", "Weight"], plan.NewVersions[1].Snapshot.Measurements.Select(m => m.Name));
        Assert.Equal("At every check-up", plan.NewVersions[1].Snapshot.Measurements[1].Frequency);
        Assert.Equal(["Weight"], plan.NewVersions[^1].Snapshot.Measurements.Select(m => m.Name));
    }

    [Fact]
    public void ABlankPlan_CanFollowMeasurementsAddedLater()
    {
        var plan = CarePlan.Create(PatientId, new CarePlanDetails("Back pain plan", ["Chronic low back pain"], Start, null), [], [], [], Gp());

        plan.AddMeasurement(plan.Version, new MeasurementInput("Pain (NRS)", "{score}", "Every visit"), Gp(1));

        Assert.Equal("{score}", Assert.Single(plan.Measurements).Unit);
    }

    [Theory]
    [InlineData("FEV1", "litre")]
    [InlineData("FEV1", "")]
    [InlineData("", "L")]
    public void AChangeWithoutANameOrWithAUnitThatIsNotUcum_IsRefused_AndTheMeasurementStaysAsItWas(string name, string unit)
    {
        var plan = Plan();
        var fev1 = plan.Measurements[0];
        var version = plan.Version;

        Assert.Throws<DomainException>(() => plan.ChangeMeasurement(version, fev1.Id, new MeasurementInput(name, unit, "Monthly"), Gp(1)));

        Assert.Equal(("FEV1", "L", "Yearly"), (fev1.Name, fev1.Unit, fev1.Frequency));
        Assert.Equal(version, plan.Version);
        Assert.Single(plan.NewVersions);
    }

    [Fact]
    public void AMeasurementNotInThePlan_IsRefused()
    {
        var plan = Plan();

        var ex = Assert.Throws<DomainException>(() => plan.RemoveMeasurement(plan.Version, Guid.NewGuid(), Gp(1)));

        Assert.Equal("That measurement is not in this care plan.", ex.Template);
        Assert.Single(plan.Measurements);
    }

    [Fact]
    public void AStaleChange_IsRefusedWithWhoChangedTheMeasurements_AndAClosedPlanIsNotChanged()
    {
        var plan = Plan();
        var opened = plan.Version;
        plan.AddMeasurement(opened, new MeasurementInput("Weight", "kg", null), Gp(1));

        var stale = Assert.Throws<StaleEditException>(() => plan.RemoveMeasurement(opened, plan.Measurements[0].Id, Gp(2)));

        Assert.Contains("Weight (kg)", stale.CurrentValues["Measurements"], StringComparison.Ordinal);
        plan.ChangeStatus(plan.Version, CarePlanStatus.Revoked, Gp(3));
        Assert.Throws<DomainException>(() => plan.AddMeasurement(plan.Version, new MeasurementInput("BMI", "kg/m2", null), Gp(4)));
        Assert.Equal(2, plan.Measurements.Count);
    }
}
