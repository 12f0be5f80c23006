using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Common;
using CareWorkspace.Domain.Triage;

namespace CareWorkspace.UnitTests.Triage;

public sealed class TriageActionPlanTests
{
    private static readonly Actor Nurse = new("n-1", "Hanne Holm", UserRole.MunicipalNurse, Guid.NewGuid(), "Hjemmeplejen");

    // 10:00 in Copenhagen (winter time, UTC+1).
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    private static TriageActionPlan Yellow(DateTimeOffset? due = null) =>
        TriageActionPlan.Make(Guid.NewGuid(), Nurse.OrganisationId!.Value, null, TriageColour.Yellow, "Drinks too little",
            "Offer a glass of water at every visit; weigh on Friday", due ?? Now.AddHours(24), "Karin", Nurse, Now);

    [Fact]
    public void Make_KeepsTheDecisionPlanAndDueTime()
    {
        var plan = Yellow();

        Assert.True(plan.IsOpen);
        Assert.False(plan.IsStarted);
        Assert.Equal(Now.AddHours(24), plan.DueAt);
        Assert.Equal("Karin", plan.ResponsibleName);
        Assert.Equal("Hanne Holm", plan.CreatedByName);
    }

    [Fact]
    public void Make_WithoutDueTime_IsRefused()
    {
        var refused = Assert.Throws<DomainException>(() => TriageActionPlan.Make(Guid.NewGuid(), Guid.NewGuid(), null, TriageColour.Red, "d", "p",
            null, null, Nurse, Now));

        Assert.Equal("An action plan needs a due time.", refused.Message);
    }

    [Fact]
    public void Make_Yellow_MustStartWithin48Hours_RedHasNoSuchLimit()
    {
        Assert.Equal(Now.AddHours(48), Yellow(Now.AddHours(48)).DueAt);
        Assert.Throws<DomainException>(() => Yellow(Now.AddHours(48).AddMinutes(1)));
        Assert.NotNull(TriageActionPlan.Make(Guid.NewGuid(), Guid.NewGuid(), null, TriageColour.Red, "d", "p", Now.AddHours(72), null, Nurse, Now));
    }

    [Fact]
    public void Make_Refuses_GreenPastDueAndMissingText()
    {
        Assert.Throws<DomainException>(() => TriageActionPlan.Make(Guid.NewGuid(), Guid.NewGuid(), null, TriageColour.Green, "d", "p", Now.AddHours(1), null, Nurse, Now));
        Assert.Throws<DomainException>(() => Yellow(Now.AddMinutes(-1)));
        Assert.Throws<DomainException>(() => TriageActionPlan.Make(Guid.NewGuid(), Guid.NewGuid(), null, TriageColour.Red, " ", "p", Now.AddHours(1), null, Nurse, Now));
        Assert.Throws<DomainException>(() => TriageActionPlan.Make(Guid.NewGuid(), Guid.NewGuid(), null, TriageColour.Red, "d", "", Now.AddHours(1), null, Nurse, Now));
    }

    [Fact]
    public void NotStartedByTheDueTime_IsOverdue()
    {
        var plan = Yellow(Now.AddHours(24));

        Assert.False(plan.IsOverdueAt(Now.AddHours(24)));
        Assert.True(plan.IsOverdueAt(Now.AddHours(24).AddMinutes(1)));
    }

    [Fact]
    public void FollowedUpYesterday_HoldsUntilTodayEnds_ThenIsOverdue()
    {
        var plan = Yellow();
        plan.MarkFollowedUp(Nurse, Now, "Drank two glasses");

        // Followed up on 30 November: fine all of 1 December (Copenhagen), overdue from 2 December.
        Assert.False(plan.IsOverdueAt(new DateTimeOffset(2026, 12, 1, 22, 59, 0, TimeSpan.Zero)));
        Assert.True(plan.IsOverdueAt(new DateTimeOffset(2026, 12, 1, 23, 0, 0, TimeSpan.Zero)));
        Assert.True(plan.IsStarted);
        Assert.Equal(new DateOnly(2026, 11, 30), plan.LastFollowedUp);
    }

    [Fact]
    public void FollowUp_OncePerCopenhagenDay()
    {
        var plan = Yellow();
        plan.MarkFollowedUp(Nurse, Now, null);

        Assert.Throws<DomainException>(() => plan.MarkFollowedUp(Nurse, Now.AddHours(13), null));
        // 23:30 UTC is already the next day in Copenhagen.
        plan.MarkFollowedUp(Nurse, new DateTimeOffset(2026, 11, 30, 23, 30, 0, TimeSpan.Zero), null);
        Assert.Equal(2, plan.Entries.Count);
    }

    [Fact]
    public void EscalationAndAcuteHelp_AreEntries_EscalationNeedsWhatIsAsked()
    {
        var plan = Yellow();

        Assert.Throws<DomainException>(() => plan.EscalateToGp(Nurse, Now, " "));
        plan.EscalateToGp(Nurse, Now, "Please assess for a urinary tract infection");
        plan.RecordAcuteHelpCalled(Nurse, Now.AddHours(1), "112 called");

        Assert.True(plan.IsEscalatedToGp);
        Assert.True(plan.IsAcuteHelpCalled);
        Assert.False(plan.IsStarted);
    }

    [Fact]
    public void AClosedPlan_TakesNoEntries_AndIsNeverOverdue()
    {
        var plan = Yellow();
        plan.Close(Nurse, Now.AddHours(2), "Drinking well again");

        Assert.False(plan.IsOpen);
        Assert.False(plan.IsOverdueAt(Now.AddDays(10)));
        Assert.Throws<DomainException>(() => plan.MarkFollowedUp(Nurse, Now.AddHours(3), null));
        Assert.Throws<DomainException>(() => plan.Close(Nurse, Now.AddHours(3), null));
    }
}
