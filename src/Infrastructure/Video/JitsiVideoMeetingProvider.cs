using System.Security.Cryptography;
using CareWorkspace.Domain.Video;

namespace CareWorkspace.Infrastructure.Video;

/// <summary>
/// Rooms on a Jitsi-compatible server (<c>Video:BaseUrl</c>). Jitsi rooms exist when someone enters them, so the room
/// name is the only secret: 160 random bits from the operating system's CSPRNG, never derived from the appointment.
/// The host link goes straight in (the first in becomes moderator); the guest link shows the pre-join screen with the
/// camera off until the guest turns it on.
/// </summary>
public sealed class JitsiVideoMeetingProvider(VideoSettings settings) : IVideoMeetingProvider
{
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz234567";

    public Task<VideoRoom> CreateMeetingAsync(VideoMeetingRequest request, CancellationToken ct = default)
    {
        var room = new Uri(settings.BaseUrl, "care-" + RoomName());
        var host = new Uri(room.AbsoluteUri + "#config.prejoinConfig.enabled=false");
        var guest = new Uri(room.AbsoluteUri + "#config.prejoinConfig.enabled=true&config.startWithVideoMuted=true");
        return Task.FromResult(new VideoRoom(Guid.NewGuid().ToString(), host, guest));
    }

    /// <summary>32 characters of base 32 (160 bits): lower case letters and digits, safe in any URL path.</summary>
    private static string RoomName()
    {
        var bytes = RandomNumberGenerator.GetBytes(20);
        var chars = new char[32];
        for (var i = 0; i < chars.Length; i++)
        {
            var bit = i * 5;
            var value = ((bytes[bit / 8] << 8) | (bit / 8 + 1 < bytes.Length ? bytes[bit / 8 + 1] : 0)) >> (11 - bit % 8) & 31;
            chars[i] = Alphabet[value];
        }
        return new string(chars);
    }
}
