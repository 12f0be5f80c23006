using CareWorkspace.Domain.Common;
using CareWorkspace.Domain.Video;
using CareWorkspace.Infrastructure.Video;
using Microsoft.Extensions.Configuration;

namespace CareWorkspace.UnitTests.Video;

/// <summary>The built-in provider: an unguessable room on the configured server, separate host and guest links, a meeting id.</summary>
public sealed class JitsiVideoMeetingProviderTests
{
    private static readonly VideoMeetingRequest Request = new(Guid.NewGuid(), DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddHours(1));

    private static JitsiVideoMeetingProvider Provider(string? baseUrl) =>
        new(VideoSettings.From(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Video:BaseUrl"] = baseUrl }).Build()));

    [Fact]
    public async Task CreateMeeting_RoomOnTheConfiguredServer_WithSeparateHostAndGuestLinks()
    {
        var meeting = await Provider("https://video.region.example/rooms").CreateMeetingAsync(Request, TestContext.Current.CancellationToken);

        Assert.StartsWith("https://video.region.example/rooms/care-", meeting.HostUrl.AbsoluteUri, StringComparison.Ordinal);
        Assert.NotEqual(meeting.HostUrl.AbsoluteUri, meeting.GuestUrl.AbsoluteUri);
        Assert.Equal(meeting.HostUrl.GetLeftPart(UriPartial.Path), meeting.GuestUrl.GetLeftPart(UriPartial.Path));
        Assert.True(Guid.TryParse(meeting.MeetingId, out _));
    }

    [Fact]
    public async Task CreateMeeting_RoomNames_AreLongRandomAndNeverRepeat()
    {
        var provider = Provider(null);
        var rooms = new HashSet<string>();
        for (var i = 0; i < 200; i++)
        {
            var meeting = await provider.CreateMeetingAsync(Request, TestContext.Current.CancellationToken);
            var room = meeting.HostUrl.Segments[^1];
            Assert.Matches("^care-[a-z2-7]{32}$", room);
            Assert.DoesNotContain(Request.AppointmentId.ToString(), meeting.HostUrl.AbsoluteUri, StringComparison.OrdinalIgnoreCase);
            Assert.True(rooms.Add(room));
        }
        // 200 rooms of 32 base-32 characters: every character position takes more than one value.
        Assert.All(Enumerable.Range(5, 32), i => Assert.True(rooms.Select(r => r[i]).Distinct().Count() > 4));
    }

    [Fact]
    public void Settings_DefaultToPublicJitsi_AndRefuseANonWebAddress()
    {
        Assert.Equal(VideoSettings.DefaultBaseUrl, VideoSettings.From(new ConfigurationBuilder().Build()).BaseUrl);
        Assert.Throws<InvalidOperationException>(() => Provider("ftp://example.org"));
        Assert.Throws<InvalidOperationException>(() => Provider("not a url"));
    }

    [Fact]
    public void VideoMeeting_SameLinkForHostAndGuest_IsRefused()
    {
        var link = new Uri("https://meet.example/room");
        Assert.Throws<DomainException>(() => new VideoRoom("id", link, link));
        Assert.Throws<DomainException>(() => new VideoRoom("id", new Uri("javascript:alert(1)"), link));
    }
}
