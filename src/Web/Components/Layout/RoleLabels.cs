using CareWorkspace.Domain.Access;

namespace CareWorkspace.Web.Components.Layout;

/// <summary>Role names as people read them.</summary>
public static class RoleLabels
{
    public static string For(string? role) => Enum.TryParse<UserRole>(role, out var r) ? For(r) : "";

    public static string For(UserRole role) => role switch
    {
        UserRole.HospitalClinician => "Hospital clinician",
        UserRole.GeneralPractitioner => "General practitioner",
        UserRole.GpStaff => "GP staff",
        UserRole.MunicipalNurse => "Municipal nurse",
        UserRole.MunicipalCareWorker => "Municipal care worker",
        UserRole.Physiotherapist => "Physiotherapist",
        UserRole.Coordinator => "Coordinator",
        UserRole.Relative => "Relative",
        UserRole.Patient => "Patient",
        UserRole.Administrator => "Administrator",
    };
}
