using Bunit;
using CareWorkspace.Domain.CarePlans;
using CareWorkspace.Domain.Organisations;
using CareWorkspace.Web.Features.CarePlans;

namespace CareWorkspace.UnitTests.Components;

/// <summary>A patient with several conditions: one view of the goals and activities of all open plans, activities by sector.</summary>
public sealed class CarePlansBySectorTests : BunitTestBase
{
    private static CarePlanView Plan(string title, CarePlanStatus status, GoalSnapshot[] goals, ActivitySnapshot[] activities) =>
        new(Guid.NewGuid(), Guid.NewGuid(), 1, "Sofie Nielsen", DateTimeOffset.UnixEpoch,
            new CarePlanSnapshot(title, ["x"], new DateOnly(2026, 12, 1), null, status, null, null, goals, activities, []));

    private static GoalSnapshot Goal(string description, string measure, GoalComparator comparator, decimal target, string unit) =>
        new(Guid.NewGuid(), description, measure, comparator, target, unit, null, GoalAchievement.InProgress, null, null);

    private static ActivitySnapshot Activity(string description, Sector sector, string? organisation = null) =>
        new(Guid.NewGuid(), description, null, organisation, sector, null, ActivityStatus.NotStarted, null);

    [Fact]
    public void TheGoalsOfEveryOpenPlan_AreListedTogether_AndTheActivitiesGroupedBySector_WithTheirPlan()
    {
        IReadOnlyList<CarePlanView> plans =
        [
            Plan("COPD care plan", CarePlanStatus.Active,
                [Goal("Stop smoking", "Cigarettes per day", GoalComparator.Exactly, 0, "{cigarettes}/d")],
                [Activity("Annual check-up with spirometry", Sector.GeneralPractice, "Lægehuset"), Activity("Smoking-cessation course", Sector.Municipality)]),
            Plan("Type 2 diabetes care plan", CarePlanStatus.Draft,
                [Goal("Lower blood sugar", "HbA1c", GoalComparator.AtMost, 53, "mmol/mol")],
                [Activity("Eye screening", Sector.Hospital), Activity("Annual diabetes check-up", Sector.GeneralPractice, "Lægehuset")]),
            Plan("Old back pain plan", CarePlanStatus.Completed,
                [Goal("Walk to the shop", "Walking distance", GoalComparator.AtLeast, 500, "m")],
                [Activity("Back school", Sector.Municipality)]),
        ];

        var cut = Render<CarePlansBySector>(p => p.Add(x => x.Plans, plans));

        var goals = cut.FindAll("[data-testid=care-plans-by-sector] > table, [data-testid=care-plans-by-sector] .mud-simple-table")[0]
            .QuerySelectorAll("tbody tr").Select(r => r.QuerySelectorAll("td")[0].TextContent.Trim() + " / " + r.QuerySelectorAll("td")[3].TextContent.Trim());
        Assert.Equal(["Stop smoking / COPD care plan", "Lower blood sugar / Type 2 diabetes care plan"], goals);
        string[] Rows(Sector sector) => cut.Find($"[data-testid=sector-activities][data-sector={sector}]").QuerySelectorAll("tbody tr")
            .Select(r => r.QuerySelectorAll("td")[0].TextContent.Trim() + " / " + r.QuerySelectorAll("td")[4].TextContent.Trim()).ToArray();
        Assert.Equal(["Annual check-up with spirometry / COPD care plan", "Annual diabetes check-up / Type 2 diabetes care plan"], Rows(Sector.GeneralPractice));
        Assert.Equal(["Smoking-cessation course / COPD care plan"], Rows(Sector.Municipality));
        Assert.Equal(["Eye screening / Type 2 diabetes care plan"], Rows(Sector.Hospital));
        Assert.DoesNotContain("Old back pain plan", cut.Markup, StringComparison.Ordinal);
    }
}
