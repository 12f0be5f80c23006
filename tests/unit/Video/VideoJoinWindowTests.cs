using CareWorkspace.Domain.Common;
using CareWorkspace.Domain.Video;

namespace CareWorkspace.UnitTests.Video;

/// <summary>Join is for participants only, from ten minutes before the start until the end.</summary>
public sealed class VideoJoinWindowTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset End = Start.AddMinutes(30);

    [Theory]
    [InlineData(-11, false)]
    [InlineData(-10, true)]
    [InlineData(0, true)]
    [InlineData(29, true)]
    [InlineData(30, false)]
    public void IsOpen_FromTenMinutesBeforeUntilTheEnd(int minutesFromStart, bool open) =>
        Assert.Equal(open, VideoJoinWindow.IsOpen(Start, End, Start.AddMinutes(minutesFromStart)));

    [Fact]
    public void CanJoin_NeedsParticipantMeetingAndWindow()
    {
        var now = Start.AddMinutes(-5);
        Assert.True(VideoJoinWindow.CanJoin(isParticipant: true, hasMeeting: true, Start, End, now));
        Assert.False(VideoJoinWindow.CanJoin(isParticipant: false, hasMeeting: true, Start, End, now));
        Assert.False(VideoJoinWindow.CanJoin(isParticipant: true, hasMeeting: false, Start, End, now));
        Assert.False(VideoJoinWindow.CanJoin(isParticipant: true, hasMeeting: true, Start, End, Start.AddMinutes(-20)));
    }

    [Fact]
    public void DemandJoin_NonParticipant_IsRefusedWhateverTheTime()
    {
        var ex = Assert.Throws<DomainException>(() => VideoJoinWindow.DemandJoin(false, Start, End, Start));
        Assert.Equal("Only the participants of this appointment can join its video consultation.", ex.Template);
    }

    [Fact]
    public void DemandJoin_TooEarly_SaysWhenItOpens()
    {
        var ex = Assert.Throws<DomainException>(() => VideoJoinWindow.DemandJoin(true, Start, End, Start.AddHours(-2)));
        Assert.Equal("The video consultation opens 10 minutes before it starts, at {0}.", ex.Template);
        Assert.Equal(Start.AddMinutes(-10), ex.Arguments[0]);
    }

    [Fact]
    public void DemandJoin_AfterTheEnd_SaysItEnded()
    {
        var ex = Assert.Throws<DomainException>(() => VideoJoinWindow.DemandJoin(true, Start, End, End));
        Assert.Equal("The video consultation ended at {0}.", ex.Template);
    }

    [Fact]
    public void DemandJoin_ParticipantInWindow_IsAllowed() =>
        VideoJoinWindow.DemandJoin(true, Start, End, Start.AddMinutes(-10));
}
