using CareWorkspace.Domain.Access;

namespace CareWorkspace.Domain.Patients;

/// <summary>
/// Name and address protection: a protected patient's address is shown to the patient alone. Staff still see the
/// name (they must know whom they treat) with a mark that it is protected, so that they do not pass it on; everyone
/// else, relatives included, sees neither address nor city.
/// </summary>
public static class AddressProtection
{
    public static bool MaySeeAddress(Actor actor, bool isProtected, string? patientUserId) =>
        !isProtected || (actor.Role == UserRole.Patient && patientUserId is not null && actor.UserId == patientUserId);

    public static Address? Visible(Actor actor, Patient patient) =>
        MaySeeAddress(actor, patient.NameAndAddressProtected, patient.UserId) ? patient.Address : null;
}
