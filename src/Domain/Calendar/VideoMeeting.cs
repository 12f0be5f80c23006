namespace CareWorkspace.Domain.Calendar;

/// <summary>The video room of an appointment in video mode: its id, the host's and the guests' links, and when it was started by whom.</summary>
public sealed class VideoMeeting
{
    public const int UrlMaxLength = 500;
    public const int MeetingIdMaxLength = 100;

    public string MeetingId { get; private set; } = "";
    public string HostUrl { get; private set; } = "";
    public string GuestUrl { get; private set; } = "";
    public DateTimeOffset? StartedAt { get; private set; }
    public string? StartedByName { get; private set; }

    /// <summary>The account that started it: the live prompt goes to everyone else.</summary>
    public string? StartedByUserId { get; private set; }

    private VideoMeeting() { }

    public VideoMeeting(string meetingId, string hostUrl, string guestUrl, DateTimeOffset? startedAt = null, string? startedByName = null)
    {
        MeetingId = meetingId;
        HostUrl = hostUrl;
        GuestUrl = guestUrl;
        StartedAt = startedAt;
        StartedByName = startedByName;
    }

    /// <summary>The host started the consultation; a second start keeps the first.</summary>
    internal void MarkStarted(string userId, string name, DateTimeOffset at)
    {
        if (StartedAt is not null)
            return;
        StartedAt = at;
        StartedByName = name;
        StartedByUserId = userId;
    }
}
