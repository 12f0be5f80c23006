namespace CareWorkspace.Web.Features.Video;

/// <summary>
/// One video consultation as the viewer sees it: whether they take part, may start it (the host) or join it now, and
/// whether someone has started it. The meeting links are not in it: they are handed out by the join endpoint at the
/// moment of joining, after the same checks.
/// </summary>
public sealed record VideoConsultationView(
    Guid AppointmentId,
    Guid PatientId,
    string Title,
    DateTimeOffset Start,
    DateTimeOffset End,
    DateTimeOffset OpensAt,
    bool IsParticipant,
    bool IsHost,
    bool WindowOpen,
    DateTimeOffset? StartedAt,
    string? StartedByName,
    string? StartedByUserId)
{
    public bool CanJoin => IsParticipant && WindowOpen;

    public bool CanStart => IsHost && WindowOpen && StartedAt is null;

    public bool HasStarted => StartedAt is not null;

    /// <summary>Where the Join link goes: an endpoint that checks again and then sends the browser to the meeting.</summary>
    public string JoinPath => VideoEndpoints.JoinPath(AppointmentId);
}
