namespace CareWorkspace.Domain.Conferences;

/// <summary>Someone recorded as present when the conference was finished: a name and what they came as (organisation or relation).</summary>
public sealed record ConferenceAttendee(string Name, string? RepresentedAs);
