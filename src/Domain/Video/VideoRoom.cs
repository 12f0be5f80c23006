using CareWorkspace.Domain.Common;

namespace CareWorkspace.Domain.Video;

/// <summary>
/// A meeting room made by a video provider (cf. the national VideoAppointment: meeting id, meeting URL, host and guest
/// access). The host link is for the care professionals who run the consultation, the guest link for the patient and
/// invited relatives.
/// </summary>
public sealed record VideoRoom
{
    public const int UrlMaxLength = 500;
    public const int MeetingIdMaxLength = 100;

    public VideoRoom(string meetingId, Uri hostUrl, Uri guestUrl)
    {
        MeetingId = Guard.Required(meetingId, "Meeting id", MeetingIdMaxLength);
        if (!IsWebAddress(hostUrl) || !IsWebAddress(guestUrl))
            throw new DomainException("A video meeting needs an https (or http) link.");
        if (hostUrl.AbsoluteUri == guestUrl.AbsoluteUri)
            throw new DomainException("The host and the guests need separate links.");
        if (hostUrl.AbsoluteUri.Length > UrlMaxLength || guestUrl.AbsoluteUri.Length > UrlMaxLength)
            throw new DomainException("{0} may be at most {1} characters.", "Meeting link", UrlMaxLength);
        HostUrl = hostUrl;
        GuestUrl = guestUrl;
    }

    public string MeetingId { get; }
    public Uri HostUrl { get; }
    public Uri GuestUrl { get; }

    private static bool IsWebAddress(Uri url) => url.IsAbsoluteUri && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp);
}
