using Bunit;
using CareWorkspace.Domain.CarePlans;
using CareWorkspace.Domain.Organisations;
using CareWorkspace.Web.Features.CarePlans;

namespace CareWorkspace.UnitTests.Components;

public sealed class CarePlanContentTests : BunitTestBase
{
    private static readonly Guid PatientId = Guid.NewGuid();
    private static readonly Guid AppointmentId = Guid.NewGuid();

    private static CarePlanSnapshot Plan(IReadOnlyList<MeasurementSnapshot> measurements) =>
        new("COPD care plan", ["COPD (DJ44)"], new DateOnly(2026, 12, 1), new DateOnly(2027, 12, 1), CarePlanStatus.Active, "copd", "1.0.0", [],
            [
                new ActivitySnapshot(Guid.NewGuid(), "Annual check-up with spirometry", null, "Lægehuset", Sector.GeneralPractice, "Once a year",
                    ActivityStatus.Scheduled, AppointmentId),
                new ActivitySnapshot(Guid.NewGuid(), "Smoking-cessation course", null, null, Sector.Municipality, null, ActivityStatus.NotStarted, null),
            ],
            [])
        {
            Measurements = measurements,
        };

    [Fact]
    public void TheMeasurementsToFollow_AreShownWithTheirUnitAndHowOften()
    {
        var cut = Render<CarePlanContent>(p => p.Add(x => x.Plan, Plan([
            new MeasurementSnapshot(Guid.NewGuid(), "FEV1", "L", "Yearly"),
            new MeasurementSnapshot(Guid.NewGuid(), "Oxygen saturation", "%", "Three times a week"),
        ])));

        var rows = cut.FindAll("[data-testid=care-plan-measurement]");
        Assert.Equal(["FEV1 L Yearly", "Oxygen saturation % Three times a week"],
            rows.Select(r => string.Join(" ", r.QuerySelectorAll("td").Select(td => td.TextContent.Trim()))));
        Assert.Contains("Measurements to follow", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void AnEditablePlanWithoutMeasurements_OffersToAddOne_AndAnEditableMeasurementOpensForChange()
    {
        var fev1 = new MeasurementSnapshot(Guid.NewGuid(), "FEV1", "L", "Yearly");
        var added = 0;
        MeasurementSnapshot? opened = null;

        var blank = Render<CarePlanContent>(p => p.Add(x => x.Plan, Plan([])).Add(x => x.Editable, true)
            .Add(x => x.OnAddMeasurement, () => added++));
        blank.Find("[data-testid=add-measurement]").Click();
        var withOne = Render<CarePlanContent>(p => p.Add(x => x.Plan, Plan([fev1])).Add(x => x.Editable, true)
            .Add(x => x.OnEditMeasurement, m => opened = m));
        withOne.Find("[data-testid=care-plan-measurement] a, [data-testid=care-plan-measurement] .mud-link").Click();

        Assert.Equal(1, added);
        Assert.Equal(fev1, opened);
        Assert.Empty(Render<CarePlanContent>(p => p.Add(x => x.Plan, Plan([fev1]))).FindAll("[data-testid=add-measurement]"));
    }

    [Fact]
    public void APlanWithoutMeasurements_ShowsNoMeasurementTable()
    {
        var cut = Render<CarePlanContent>(p => p.Add(x => x.Plan, Plan([])));

        Assert.Empty(cut.FindAll("[data-testid=care-plan-measurements]"));
    }

    [Fact]
    public void AnActivitysAppointment_LinksToTheAppointmentInThePatientsCalendar()
    {
        var cut = Render<CarePlanContent>(p => p.Add(x => x.Plan, Plan([])).Add(x => x.CalendarOf, PatientId));

        var link = Assert.Single(cut.FindAll("[data-testid=activity-appointment-link]"));
        Assert.Equal($"/patients/{PatientId}/calendar?appointment={AppointmentId}", link.GetAttribute("href"));
        Assert.Equal("Open the appointment for Annual check-up with spirometry in the calendar", link.GetAttribute("aria-label"));
    }

    [Fact]
    public void AViewerWhoMayNotOpenTheCalendar_SeesThatThereIsAnAppointment_ButNoLink()
    {
        var cut = Render<CarePlanContent>(p => p.Add(x => x.Plan, Plan([])));

        Assert.Empty(cut.FindAll("[data-testid=activity-appointment-link]"));
        Assert.Contains("Linked to an appointment in the calendar", cut.Markup, StringComparison.Ordinal);
    }
}
