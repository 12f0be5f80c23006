using CareWorkspace.Domain.Common;

namespace CareWorkspace.Domain.Video;

/// <summary>
/// When a video consultation may be joined: by its participants only, from ten minutes before the start (so people can
/// check sound and picture) until the appointment ends. Starting it is the host's join, under the same rule.
/// </summary>
public static class VideoJoinWindow
{
    public static readonly TimeSpan OpensBeforeStart = TimeSpan.FromMinutes(10);

    public static DateTimeOffset OpensAt(DateTimeOffset start) => start - OpensBeforeStart;

    public static bool IsOpen(DateTimeOffset start, DateTimeOffset end, DateTimeOffset now) => now >= OpensAt(start) && now < end;

    /// <summary>Whether the Join button works for this person now.</summary>
    public static bool CanJoin(bool isParticipant, bool hasMeeting, DateTimeOffset start, DateTimeOffset end, DateTimeOffset now) =>
        isParticipant && hasMeeting && IsOpen(start, end, now);

    /// <summary>Refuses a join by a non-participant or outside the window, with the reason.</summary>
    public static void DemandJoin(bool isParticipant, DateTimeOffset start, DateTimeOffset end, DateTimeOffset now)
    {
        if (!isParticipant)
            throw new DomainException("Only the participants of this appointment can join its video consultation.");
        if (now < OpensAt(start))
            throw new DomainException("The video consultation opens 10 minutes before it starts, at {0}.", OpensAt(start));
        if (now >= end)
            throw new DomainException("The video consultation ended at {0}.", end);
    }
}
