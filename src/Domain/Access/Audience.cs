namespace CareWorkspace.Domain.Access;

/// <summary>
/// Who an item is for, beyond the section: a message thread not shared with the patient is for the care team only.
/// Change notices carry it, so a notice about an unshared item never reaches the patient or a relative.
/// </summary>
[Flags]
public enum Audience
{
    CareTeam = 1,
    Patient = 2,
    Relatives = 4,
    Everyone = CareTeam | Patient | Relatives,
}

public static class AudienceExtensions
{
    public static bool Includes(this Audience audience, Actor actor) => actor.Role switch
    {
        UserRole.Patient => audience.HasFlag(Audience.Patient),
        UserRole.Relative => audience.HasFlag(Audience.Relatives),
        UserRole.Administrator or UserRole.System => false,
        _ => audience.HasFlag(Audience.CareTeam),
    };
}
