using CareWorkspace.Domain.Common;
using CareWorkspace.Domain.Rehabilitation;
using static CareWorkspace.UnitTests.Rehabilitation.RehabilitationTestData;

namespace CareWorkspace.UnitTests.Rehabilitation;

/// <summary>Correcting a logged session: who may, what is kept, a stale correction, and the adherence it changes.</summary>
public sealed class SessionCorrectionTests
{
    private static readonly DateOnly Today = Monday.AddDays(3);

    [Fact]
    public void Correct_ByTheOneWhoLoggedIt_ChangesTheSessionAndKeepsTheValuesBeforeAndAfter()
    {
        var plan = Plan();
        var session = RehabilitationSession.Log(plan, Jens, Today, null, SessionOutcome.Done, 2, "Fint", Today, At);
        var before = session.Version;

        var correction = session.Correct(plan, Jens, before, Today, null, SessionOutcome.Partly, 5, "Fint", Today, At.AddHours(2));

        Assert.Equal(SessionOutcome.Partly, session.Outcome);
        Assert.Equal(5, session.Pain);
        Assert.NotEqual(before, session.Version);
        Assert.Equal("Jens Jensen", correction.ByName);
        Assert.Equal(At.AddHours(2), correction.At);
        Assert.Equal(
            [new SessionFieldChange(SessionField.Outcome, "Done", "Partly"), new SessionFieldChange(SessionField.Pain, "2", "5")],
            correction.Changes);
        Assert.Same(correction, Assert.Single(session.Corrections));
    }

    [Fact]
    public void Correct_ByStaff_IsAllowedButNotBySomeoneElseWhoLogs()
    {
        var plan = Plan();
        var session = RehabilitationSession.Log(plan, Jens, Today, null, SessionOutcome.Done, null, null, Today, At);

        var refused = Assert.Throws<DomainException>(() =>
            session.Correct(plan, Ulla, session.Version, Today, null, SessionOutcome.NotDone, null, null, Today, At));
        Assert.Equal("A logged session is corrected by the one who logged it or by the care staff.", refused.Template);

        session.Correct(plan, Physio, session.Version, Today, plan.Exercises[1].Id, SessionOutcome.Done, null, null, Today, At);
        Assert.Equal("Gåtur", session.ExerciseName);
        Assert.Equal(new SessionFieldChange(SessionField.Exercise, null, "Gåtur"), Assert.Single(session.Corrections[0].Changes));
    }

    [Fact]
    public void Correct_FromAnOlderVersion_IsRefusedWithWhoCorrectedItLast()
    {
        var plan = Plan();
        var session = RehabilitationSession.Log(plan, Jens, Today, null, SessionOutcome.Done, null, null, Today, At);
        var read = session.Version;
        session.Correct(plan, Physio, read, Today, null, SessionOutcome.Partly, null, null, Today, At.AddHours(1));

        var stale = Assert.Throws<StaleEditException>(() => session.Correct(plan, Jens, read, Today, null, SessionOutcome.NotDone, null, null, Today, At.AddHours(2)));

        Assert.Equal("Jonas Mikkelsen", stale.ChangedBy);
        Assert.Equal("Partly", stale.CurrentValues["Outcome"]);
        Assert.Equal(SessionOutcome.Partly, session.Outcome);
    }

    [Fact]
    public void Correct_NothingChangedOrBadValues_IsRefusedAndTheSessionStaysAsItWas()
    {
        var plan = Plan();
        var session = RehabilitationSession.Log(plan, Jens, Today, null, SessionOutcome.Done, 3, null, Today, At);

        Assert.Equal("Nothing was changed in the session.",
            Assert.Throws<DomainException>(() => session.Correct(plan, Jens, session.Version, Today, null, SessionOutcome.Done, 3, "  ", Today, At)).Template);
        Assert.Throws<DomainException>(() => session.Correct(plan, Jens, session.Version, Today, null, SessionOutcome.Done, 11, null, Today, At));
        Assert.Throws<DomainException>(() => session.Correct(plan, Jens, session.Version, Today.AddDays(1), null, SessionOutcome.Done, 3, null, Today, At));

        Assert.Equal(3, session.Pain);
        Assert.Equal(Today, session.Day);
        Assert.Empty(session.Corrections);
    }

    [Fact]
    public void Correct_AnExerciseSinceRemovedFromThePlan_KeepsItAsLogged()
    {
        var plan = Plan();
        var session = RehabilitationSession.Log(plan, Jens, Today, plan.Exercises[0].Id, SessionOutcome.Done, null, null, Today, At);
        plan.Change(Doctor, plan.Version, Details(), [Walk()], Stamp);

        session.Correct(plan, Jens, session.Version, Today, session.ExerciseId, SessionOutcome.Partly, null, null, Today, At);

        Assert.Equal("Rejse-sætte-sig", session.ExerciseName);
        Assert.Equal(SessionOutcome.Partly, session.Outcome);
    }

    [Fact]
    public void Correct_DoneToNotDone_LowersTheWeeksAdherence()
    {
        var plan = Plan(null, SitToStand(timesPerWeek: 2));
        var first = RehabilitationSession.Log(plan, Jens, Monday, null, SessionOutcome.Done, null, null, Today, At);
        var second = RehabilitationSession.Log(plan, Jens, Monday.AddDays(1), null, SessionOutcome.Done, null, null, Today, At);
        Assert.Equal(100, RehabilitationAdherence.Weekly(plan, [first, second], Today).Single().Percent);

        second.Correct(plan, Jens, second.Version, second.Day, null, SessionOutcome.NotDone, null, null, Today, At);

        Assert.Equal(50, RehabilitationAdherence.Weekly(plan, [first, second], Today).Single().Percent);
    }
}
