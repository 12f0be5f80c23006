using CareWorkspace.Domain.Common;
using CareWorkspace.Domain.Rehabilitation;
using static CareWorkspace.UnitTests.Rehabilitation.RehabilitationTestData;

namespace CareWorkspace.UnitTests.Rehabilitation;

/// <summary>The hospital's plan: what it holds, and the typing errors and stale edits it refuses.</summary>
public sealed class RehabilitationPlanTests
{
    [Fact]
    public void Make_KeepsDetailsAndExercisesInOrder()
    {
        var plan = Plan();

        Assert.Equal(RehabilitationKind.General, plan.Kind);
        Assert.Equal(Unit, plan.ResponsibleOrganisationId);
        Assert.Equal(["Rejse-sætte-sig", "Gåtur"], plan.Exercises.Select(e => e.Name));
        Assert.Equal(10, plan.Exercises[0].Repetitions);
        Assert.Equal(20, plan.Exercises[1].DurationMinutes);
        Assert.Equal(8, plan.PlannedPerWeek);
        Assert.Equal("Mette Hansen (Lungemedicinsk afdeling)", plan.CreatedBy);
    }

    public static TheoryData<ExerciseInput, string> BadExercises() => new()
    {
        { SitToStand(timesPerWeek: 0), "'{0}' must be done at least once a week." },
        { SitToStand(timesPerWeek: 22), "'{0}' cannot be done more than {1} times a week." },
        { SitToStand() with { Sets = 51 }, "'{0}' needs 1 to {1} sets." },
        { SitToStand() with { Sets = 0 }, "'{0}' needs 1 to {1} sets." },
        { SitToStand() with { Repetitions = 500 }, "'{0}' needs 1 to {1} repetitions." },
        { Walk() with { DurationMinutes = 241 }, "'{0}' may last 1 to {1} minutes." },
        { Walk() with { DurationMinutes = null }, "Give '{0}' a number of repetitions or a duration." },
        { SitToStand() with { DurationMinutes = 5 }, "Give '{0}' a number of repetitions or a duration, not both." },
        { SitToStand() with { Name = "  " }, "{0} is required." },
    };

    [Theory]
    [MemberData(nameof(BadExercises))]
    public void Make_AbsurdOrMissingValues_AreRefusedWithTheReason(ExerciseInput exercise, string template)
    {
        var refused = Assert.Throws<DomainException>(() => Plan(null, Walk(), exercise));

        Assert.Equal(template, refused.Template);
    }

    [Fact]
    public void Make_ByThePatient_IsRefused()
    {
        var refused = Assert.Throws<DomainException>(() => RehabilitationPlan.Make(Jens, Guid.NewGuid(), Details(), [Walk()], Stamp));

        Assert.Equal("A rehabilitation plan is made and changed by the health professionals.", refused.Template);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(27)]
    public void Make_ReviewIntervalOutOfRange_IsRefused(int weeks)
    {
        Assert.Throws<DomainException>(() => RehabilitationPlan.Make(Doctor, Guid.NewGuid(), Details(reviewWeeks: weeks), [Walk()], Stamp));
    }

    [Fact]
    public void Make_WithoutExercises_IsRefused()
    {
        var refused = Assert.Throws<DomainException>(() => RehabilitationPlan.Make(Doctor, Guid.NewGuid(), Details(), [], Stamp));

        Assert.Equal("A rehabilitation plan needs at least one exercise.", refused.Template);
    }

    [Fact]
    public void Change_FromCurrentVersion_KeepsExerciseIdsOfChangedExercises()
    {
        var plan = Plan();
        var sitToStand = plan.Exercises[0];
        var edited = sitToStand.ToInput() with { Repetitions = 12 };

        plan.Change(Physio, plan.Version, Details(), [edited, Walk(7)], Stamp with { ByName = "Jonas Mikkelsen" });

        Assert.Same(sitToStand, plan.Exercises[0]);
        Assert.Equal(12, plan.Exercises[0].Repetitions);
        Assert.Equal(7, plan.Exercises[1].TimesPerWeek);
        Assert.Equal("Jonas Mikkelsen", plan.ChangedBy);
    }

    [Fact]
    public void Change_FromAnOlderVersion_IsRefusedAsStaleWithWhoChangedIt()
    {
        var plan = Plan();
        var opened = plan.Version;
        plan.Touch();

        var stale = Assert.Throws<StaleEditException>(() => plan.Change(Physio, opened, Details(), [Walk()], Stamp));

        Assert.Equal("The rehabilitation plan", stale.Item);
        Assert.Equal("Rejse-sætte-sig, Gåtur", stale.CurrentValues["Exercises"]);
        Assert.Equal(2, plan.Exercises.Count);
    }

    [Fact]
    public void Change_WithOneBadExercise_LeavesThePlanAsItWas()
    {
        var plan = Plan();
        var first = plan.Exercises[0].ToInput() with { Repetitions = 15 };

        Assert.Throws<DomainException>(() => plan.Change(Doctor, plan.Version, Details(), [first, Walk(timesPerWeek: 0)], Stamp));

        Assert.Equal(10, plan.Exercises[0].Repetitions);
        Assert.Equal(2, plan.Exercises.Count);
    }

    [Theory]
    [InlineData("2026-11-02", "2026-11-16")]
    [InlineData("2026-11-16", "2026-11-16")]
    [InlineData("2026-11-17", "2026-11-30")]
    public void NextReview_IsEveryIntervalFromTheStart(string today, string expected)
    {
        var plan = Plan();

        Assert.Equal(DateOnly.Parse(expected), plan.NextReview(DateOnly.Parse(today)));
    }
}
