using CareWorkspace.Domain.Common;
using CareWorkspace.Domain.FollowUp;

namespace CareWorkspace.UnitTests.Reminders;

public sealed class FollowUpTaskTests
{
    // 00:30 on 1 December in Copenhagen, still 30 November in UTC: the Danish day counts.
    private static readonly DateTimeOffset Discharged = new(2026, 11, 30, 23, 30, 0, TimeSpan.Zero);

    [Fact]
    public void The_consultation_is_due_N_Danish_days_after_the_discharge()
    {
        var task = Task(days: 7);

        Assert.Equal(new DateOnly(2026, 12, 8), task.DueBy);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(91)]
    public void A_follow_up_outside_1_to_90_days_is_refused(int days)
    {
        Assert.Throws<DomainException>(() => Task(days));
    }

    [Fact]
    public void An_open_task_escalates_once_after_the_set_time()
    {
        var task = Task(days: 7);
        var after = TimeSpan.FromDays(3);

        Assert.False(task.ShouldEscalate(Discharged.AddDays(2), after));
        Assert.True(task.ShouldEscalate(Discharged.AddDays(3), after));
        task.Escalate(Discharged.AddDays(3));
        Assert.False(task.ShouldEscalate(Discharged.AddDays(4), after));
        Assert.Equal(Discharged.AddDays(3), task.EscalatedAt);
    }

    [Fact]
    public void A_booked_task_never_escalates()
    {
        var task = Task(days: 7);
        task.MarkBooked(Discharged.AddDays(1));

        Assert.False(task.IsOpen);
        Assert.False(task.ShouldEscalate(Discharged.AddDays(10), TimeSpan.FromDays(3)));
    }

    [Fact]
    public void A_note_longer_than_allowed_is_refused()
    {
        Assert.Throws<DomainException>(() =>
            FollowUpTask.AfterDischarge(Guid.NewGuid(), Guid.NewGuid(), Discharged, 7, new string('x', FollowUpTask.NoteMaxLength + 1), "Mette Hansen", "Nordkyst Hospital"));
    }

    private static FollowUpTask Task(int days) =>
        FollowUpTask.AfterDischarge(Guid.NewGuid(), Guid.NewGuid(), Discharged, days, "Check saturation", "Mette Hansen", "Nordkyst Hospital");
}
