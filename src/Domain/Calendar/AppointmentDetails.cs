using CareWorkspace.Domain.Common;

namespace CareWorkspace.Domain.Calendar;

/// <summary>What an appointment is about and how it happens: type, mode with its location, reason and notes.</summary>
public sealed record AppointmentDetails
{
    public const int LocationMaxLength = 200;
    public const int ReasonMaxLength = 500;
    public const int NotesMaxLength = 2000;

    public AppointmentType Type { get; }
    public AppointmentMode Mode { get; }
    public string? Location { get; }
    public string? Reason { get; }
    public string? Notes { get; }

    public AppointmentDetails(AppointmentType type, AppointmentMode mode, string? location = null, string? reason = null, string? notes = null)
    {
        if (!Enum.IsDefined(type) || !Enum.IsDefined(mode))
            throw new DomainException("Choose the type and the mode of the appointment.");
        Type = type;
        Mode = mode;
        Location = Guard.Optional(location, "Location", LocationMaxLength);
        if (mode == AppointmentMode.InPerson && Location is null)
            throw new DomainException("An appointment in person needs a location (e.g. \"Ambulatorium 3, Nordkyst Hospital\").");
        Reason = Guard.Optional(reason, "Reason", ReasonMaxLength);
        Notes = Guard.Optional(notes, "Notes", NotesMaxLength);
    }
}
