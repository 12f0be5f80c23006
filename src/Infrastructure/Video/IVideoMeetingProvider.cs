using CareWorkspace.Domain.Video;

namespace CareWorkspace.Infrastructure.Video;

/// <summary>
/// Makes meeting rooms for video consultations. The built-in <see cref="JitsiVideoMeetingProvider"/> needs no account;
/// a regional video service (e.g. the national VDX) can replace it behind this interface.
/// </summary>
public interface IVideoMeetingProvider
{
    Task<VideoRoom> CreateMeetingAsync(VideoMeetingRequest request, CancellationToken ct = default);
}

/// <summary>What a provider may need to know about the consultation (no patient data: a room name must not reveal who meets).</summary>
public sealed record VideoMeetingRequest(Guid AppointmentId, DateTimeOffset Start, DateTimeOffset End);
