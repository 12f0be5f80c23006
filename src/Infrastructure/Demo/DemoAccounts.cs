using CareWorkspace.Domain.Access;

namespace CareWorkspace.Infrastructure.Demo;

/// <summary>The demo users, one per role (and a second-municipality nurse with no link to Jens). Listed in README.md.</summary>
public static class DemoAccounts
{
    public const string Password = "CareDemo2026";

    public sealed record Account(string UserName, string DisplayName, UserRole Role, string? OrganisationSor);

    public static readonly IReadOnlyList<Account> All =
    [
        new("hospital.doctor", "Mette Hansen", UserRole.HospitalClinician, DemoOrganisations.HospitalSor),
        new("coordinator.dahl", "Lise Dahl", UserRole.Coordinator, DemoOrganisations.HospitalSor),
        new("gp.larsen", "Peter Larsen", UserRole.GeneralPractitioner, DemoOrganisations.GpClinicSor),
        new("gp.secretary", "Sofie Nielsen", UserRole.GpStaff, DemoOrganisations.GpClinicSor),
        new("nurse.holm", "Anne Holm", UserRole.MunicipalNurse, DemoOrganisations.HomeCareSor),
        new("careworker.berg", "Karin Berg", UserRole.MunicipalCareWorker, DemoOrganisations.HomeCareSor),
        new("physio.mikkelsen", "Jonas Mikkelsen", UserRole.Physiotherapist, DemoOrganisations.RehabSor),
        new("carehome.worker", "Maja Friis", UserRole.MunicipalCareWorker, DemoOrganisations.CareHomeSor),
        new("nurse.roskilde", "Birgit Sørensen", UserRole.MunicipalNurse, DemoOrganisations.OtherHomeCareSor),
        new("ulla", "Ulla Jensen", UserRole.Relative, null),
        new("jens", "Jens Jensen", UserRole.Patient, null),
        new("admin", "Admin Andersen", UserRole.Administrator, null),
    ];
}
