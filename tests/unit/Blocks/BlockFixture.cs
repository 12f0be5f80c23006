using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Blocks;
using CareWorkspace.Domain.Organisations;

namespace CareWorkspace.UnitTests.Blocks;

/// <summary>Jens with a hospital, his GP and the municipality on the care team.</summary>
internal static class BlockFixture
{
    public static readonly Guid PatientId = Guid.NewGuid();
    public const string PatientUserId = "user-jens";
    public static readonly Guid Hospital = Guid.NewGuid();
    public static readonly Guid OtherHospital = Guid.NewGuid();
    public static readonly Guid Gp = Guid.NewGuid();
    public static readonly Guid Municipality = Guid.NewGuid();
    public static readonly DateTimeOffset Now = new(2026, 3, 10, 9, 0, 0, TimeSpan.FromHours(1));

    public static readonly Actor Jens = new(PatientUserId, "Jens Hansen", UserRole.Patient, null, null);
    public static readonly Actor Doctor = new("user-doctor", "Dr. Hospital", UserRole.HospitalClinician, Hospital, "Hospital");
    public static readonly Actor OtherDoctor = new("user-doctor-2", "Dr. Other", UserRole.HospitalClinician, OtherHospital, "Other hospital");
    public static readonly Actor GpDoctor = new("user-gp", "Dr. GP", UserRole.GeneralPractitioner, Gp, "GP");
    public static readonly Actor Nurse = new("user-nurse", "Home nurse", UserRole.MunicipalNurse, Municipality, "Municipality");

    public static PatientRelationship Relationship(IEnumerable<SharingBlock>? blocks = null, IEnumerable<EmergencyAccess>? emergencies = null,
        DateTimeOffset? asOf = null) =>
        new(PatientId, PatientUserId, [Hospital, OtherHospital, Gp, Municipality], [], asOf ?? Now)
        {
            Blocks = [.. blocks ?? []],
            EmergencyAccesses = [.. emergencies ?? []],
            OrganisationSectors = new Dictionary<Guid, Sector>
            {
                [Hospital] = Sector.Hospital,
                [OtherHospital] = Sector.Hospital,
                [Gp] = Sector.GeneralPractice,
                [Municipality] = Sector.Municipality,
            },
        };

    public static SharingBlock Block(BlockTarget target, BlockAudience audience) =>
        new(PatientId, PatientUserId, target, audience, Jens, Now.AddDays(-1));

    public static EmergencyAccess EmergencyFor(Actor clinician, TimeSpan? duration = null, DateTimeOffset? at = null) =>
        new(PatientId, clinician, "Unconscious in the emergency room, need admission history.", at ?? Now.AddMinutes(-10), duration,
            EmergencyAccessRules.Standard);
}
