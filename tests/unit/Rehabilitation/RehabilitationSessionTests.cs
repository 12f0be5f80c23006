using CareWorkspace.Domain.Common;
using CareWorkspace.Domain.Rehabilitation;
using static CareWorkspace.UnitTests.Rehabilitation.RehabilitationTestData;

namespace CareWorkspace.UnitTests.Rehabilitation;

/// <summary>Logging training: who may, which days, which pain scores.</summary>
public sealed class RehabilitationSessionTests
{
    private static readonly DateOnly Today = Monday.AddDays(3);

    [Fact]
    public void Log_ByARelative_KeepsWhoAndTheExerciseName()
    {
        var plan = Plan();

        var session = RehabilitationSession.Log(plan, Ulla, Today, plan.Exercises[1].Id, SessionOutcome.Partly, 4, " Stoppede efter 10 min ", Today, At);

        Assert.Equal("Gåtur", session.ExerciseName);
        Assert.Equal("Ulla Jensen", session.LoggedByName);
        Assert.Equal("Stoppede efter 10 min", session.Note);
        Assert.False(session.IsWholeProgramme);
    }

    [Fact]
    public void Log_ByAHealthProfessional_IsRefused()
    {
        var plan = Plan();

        var refused = Assert.Throws<DomainException>(() => RehabilitationSession.Log(plan, Physio, Today, null, SessionOutcome.Done, null, null, Today, At));

        Assert.Equal("Training sessions are logged by the patient or a relative.", refused.Template);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(11)]
    public void Log_PainOutsideZeroToTen_IsRefused(int pain)
    {
        var plan = Plan();

        var refused = Assert.Throws<DomainException>(() => RehabilitationSession.Log(plan, Jens, Today, null, SessionOutcome.Done, pain, null, Today, At));

        Assert.Equal("Pain is a number from 0 (no pain) to {0} (worst imaginable).", refused.Template);
    }

    [Fact]
    public void Log_ForTomorrowOrBeforeTheStart_IsRefused()
    {
        var plan = Plan();

        Assert.Throws<DomainException>(() => RehabilitationSession.Log(plan, Jens, Today.AddDays(1), null, SessionOutcome.Done, null, null, Today, At));
        Assert.Throws<DomainException>(() => RehabilitationSession.Log(plan, Jens, Monday.AddDays(-1), null, SessionOutcome.Done, null, null, Today, At));
    }

    [Fact]
    public void Log_AnExerciseOfAnotherPlan_IsRefused()
    {
        var plan = Plan();
        var other = Plan();

        Assert.Throws<DomainException>(() => RehabilitationSession.Log(plan, Jens, Today, other.Exercises[0].Id, SessionOutcome.Done, null, null, Today, At));
    }
}
