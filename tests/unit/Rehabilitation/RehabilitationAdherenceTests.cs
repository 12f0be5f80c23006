using CareWorkspace.Domain.Common;
using CareWorkspace.Domain.Rehabilitation;
using static CareWorkspace.UnitTests.Rehabilitation.RehabilitationTestData;

namespace CareWorkspace.UnitTests.Rehabilitation;

/// <summary>The weekly adherence rule (see <see cref="RehabilitationAdherence"/>): credited sessions against planned, per Copenhagen week.</summary>
public sealed class RehabilitationAdherenceTests
{
    private static RehabilitationSession Log(RehabilitationPlan plan, DateOnly day, Exercise? exercise, SessionOutcome outcome, int? pain = null) =>
        RehabilitationSession.Log(plan, Jens, day, exercise?.Id, outcome, pain, null, day, At);

    [Fact]
    public void Weekly_CountsDoneAsOneAndPartlyAsHalf()
    {
        var plan = Plan(null, SitToStand(timesPerWeek: 3));
        var exercise = plan.Exercises[0];
        var sessions = new[]
        {
            Log(plan, Monday, exercise, SessionOutcome.Done),
            Log(plan, Monday.AddDays(2), exercise, SessionOutcome.Partly, pain: 6),
            Log(plan, Monday.AddDays(4), exercise, SessionOutcome.NotDone, pain: 3),
        };

        var week = Assert.Single(RehabilitationAdherence.Weekly(plan, sessions, Monday.AddDays(6)));

        Assert.Equal(3, week.Planned);
        Assert.Equal(1.5, week.Credited);
        Assert.Equal(50, week.Percent);
        Assert.Equal((1, 1, 1), (week.Done, week.Partly, week.NotDone));
        Assert.Equal(6, week.HighestPain);
        Assert.Equal(45, week.IsoWeek);
    }

    [Fact]
    public void Weekly_ExtraSessionsOfOneExercise_DoNotMakeUpForAnother()
    {
        var plan = Plan(null, SitToStand(timesPerWeek: 2), Walk(timesPerWeek: 2));
        var sitToStand = plan.Exercises[0];
        var sessions = Enumerable.Range(0, 5).Select(d => Log(plan, Monday.AddDays(d), sitToStand, SessionOutcome.Done)).ToList();

        var week = Assert.Single(RehabilitationAdherence.Weekly(plan, sessions, Monday.AddDays(6)));

        Assert.Equal(4, week.Planned);
        Assert.Equal(2, week.Credited);
        Assert.Equal(5, week.Done);
    }

    [Fact]
    public void Weekly_AWholeProgrammeSession_CreditsEveryExercise()
    {
        var plan = Plan(null, SitToStand(timesPerWeek: 2), Walk(timesPerWeek: 2));

        var week = Assert.Single(RehabilitationAdherence.Weekly(plan, [Log(plan, Monday, null, SessionOutcome.Done)], Monday.AddDays(6)));

        Assert.Equal(2, week.Credited);
        Assert.Equal(50, week.Percent);
    }

    [Fact]
    public void Weekly_TheStartWeek_PlansOnlyItsShareOfDaysRoundedUp()
    {
        var thursday = Monday.AddDays(3);
        var plan = Plan(thursday, SitToStand(timesPerWeek: 3), Walk(timesPerWeek: 7));

        var weeks = RehabilitationAdherence.Weekly(plan, [], Monday.AddDays(10));

        Assert.Equal(2, weeks.Count);
        Assert.Equal(Monday, weeks[0].Monday);
        Assert.Equal(2 + 4, weeks[0].Planned);
        Assert.Equal(10, weeks[1].Planned);
        Assert.False(weeks[0].IsCurrent);
        Assert.True(weeks[1].IsCurrent);
    }

    [Fact]
    public void Weekly_SessionsGoToTheirOwnMondayToSundayWeek()
    {
        var plan = Plan(null, Walk(timesPerWeek: 1));
        var sunday = Monday.AddDays(6);
        var sessions = new[] { Log(plan, sunday, plan.Exercises[0], SessionOutcome.Done), Log(plan, sunday.AddDays(1), plan.Exercises[0], SessionOutcome.Partly) };

        var weeks = RehabilitationAdherence.Weekly(plan, sessions, sunday.AddDays(1));

        Assert.Equal([100, 50], weeks.Select(w => w.Percent));
    }

    [Fact]
    public void Weekly_BeforeThePlanStarts_HasNoWeeks()
    {
        var plan = Plan(Monday.AddDays(7));

        Assert.Empty(RehabilitationAdherence.Weekly(plan, [], Monday));
    }
    private static void ChangeOn(RehabilitationPlan plan, DateOnly day, params ExerciseInput[] exercises) =>
        plan.Change(Physio, plan.Version, plan.Details, exercises, new ChangeStamp("Jonas Mikkelsen (Genoptræningscenter)",
            new DateTimeOffset(day.ToDateTime(new TimeOnly(10, 0)), TimeSpan.FromHours(1))));

    [Fact]
    public void Weekly_APastWeek_IsMeasuredAgainstTheExercisesInThePlanThatWeek_NotTheCurrentOnes()
    {
        var plan = Plan(null, SitToStand(timesPerWeek: 2));
        var sitToStand = plan.Exercises[0];
        var sessions = new List<RehabilitationSession>
        {
            Log(plan, Monday, sitToStand, SessionOutcome.Done),
            Log(plan, Monday.AddDays(2), sitToStand, SessionOutcome.Done),
        };

        // In week two the physiotherapist replaces the exercise by a walk five times a week.
        ChangeOn(plan, Monday.AddDays(9), Walk(timesPerWeek: 5));
        var walk = plan.Exercises[0];
        sessions.Add(Log(plan, Monday.AddDays(10), walk, SessionOutcome.Done));

        var weeks = RehabilitationAdherence.Weekly(plan, sessions, Monday.AddDays(13));

        Assert.Equal(2, weeks.Count);
        Assert.Equal((2, 2.0, 100), (weeks[0].Planned, weeks[0].Credited, weeks[0].Percent));
        Assert.Equal((5, 1.0), (weeks[1].Planned, weeks[1].Credited));
    }

    [Fact]
    public void Weekly_AChangeOfHowOftenDuringAWeek_CountsFromThatWeekOn()
    {
        var plan = Plan(null, SitToStand(timesPerWeek: 2));
        var sitToStand = plan.Exercises[0];

        ChangeOn(plan, Monday.AddDays(17), sitToStand.ToInput() with { TimesPerWeek = 4 });

        var weeks = RehabilitationAdherence.Weekly(plan, [], Monday.AddDays(27));
        Assert.Equal([2, 2, 4, 4], weeks.Select(w => w.Planned));
    }

    [Fact]
    public void Weekly_TheCurrentWeek_IsMeasuredAgainstTodaysProgramme()
    {
        var plan = Plan(null, SitToStand(timesPerWeek: 2));

        ChangeOn(plan, Monday.AddDays(8), SitToStand(timesPerWeek: 2), Walk(timesPerWeek: 3));

        var weeks = RehabilitationAdherence.Weekly(plan, [], Monday.AddDays(8));
        Assert.Equal([2, 5], weeks.Select(w => w.Planned));
        Assert.True(weeks[1].IsCurrent);
    }

    [Fact]
    public void APlanMadeBeforeTheHistoryWasKept_IsMeasuredAgainstItsProgrammeUntilItsFirstChange()
    {
        var plan = Plan(null, SitToStand(timesPerWeek: 2));
        typeof(RehabilitationPlan).GetField("_exerciseHistory", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!
            .SetValue(plan, new List<ExercisesInForce>());

        ChangeOn(plan, Monday.AddDays(8), Walk(timesPerWeek: 5));

        var weeks = RehabilitationAdherence.Weekly(plan, [], Monday.AddDays(13));
        Assert.Equal([2, 5], weeks.Select(w => w.Planned));
    }
}
