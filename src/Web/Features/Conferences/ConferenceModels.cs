using CareWorkspace.Domain.Conferences;
using CareWorkspace.Domain.Organisations;
using CareWorkspace.Web.Features.Video;

namespace CareWorkspace.Web.Features.Conferences;

/// <summary>A discharge conference as the viewer sees it: the appointment, its video launch, and the shared minutes.</summary>
public sealed record ConferenceView(
    Guid AppointmentId,
    Guid PatientId,
    DateTimeOffset Start,
    DateTimeOffset End,
    IReadOnlyList<ConferenceParticipantView> Participants,
    ConferenceMinutesView Minutes,
    VideoConsultationView? Video);

/// <summary>Someone invited to the conference, offered as an attendee when it is finished.</summary>
public sealed record ConferenceParticipantView(string Name, string? RepresentedAs);

/// <summary>The minutes: every participant's entry, and whether the viewer may write and finish them.</summary>
public sealed record ConferenceMinutesView(
    IReadOnlyList<MinutesEntryView> Entries,
    bool CanWrite,
    bool CanFinish,
    DateTimeOffset? FinishedAt,
    string? FinishedByName,
    IReadOnlyList<ConferenceAttendee> Attendees)
{
    public bool IsFinished => FinishedAt is not null;

    public static ConferenceMinutesView Empty(bool canWrite) => new([], canWrite, false, null, null, []);
}

/// <summary>One participant's entry; <see cref="Version"/> is what their next save is based on.</summary>
public sealed record MinutesEntryView(
    Guid Id,
    string AuthorUserId,
    string AuthorName,
    string? Organisation,
    Sector? Sector,
    string Text,
    Guid Version,
    DateTimeOffset ChangedAt);

/// <summary>What saving the viewer's own entry gave: the new version on success, otherwise why not (the draft stays).</summary>
public sealed record MinutesSaveResult(Guid? Version, string? Error);
