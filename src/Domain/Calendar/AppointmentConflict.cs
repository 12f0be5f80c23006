namespace CareWorkspace.Domain.Calendar;

/// <summary>
/// An existing appointment that overlaps a planned one, for the patient or for a practitioner. It names only the time and the
/// practitioner: a practitioner's other appointment may be with a patient the booker must not learn about.
/// </summary>
public sealed record AppointmentConflict(Guid AppointmentId, ConflictKind Kind, string? PractitionerName, DateTimeOffset Start, DateTimeOffset End);
