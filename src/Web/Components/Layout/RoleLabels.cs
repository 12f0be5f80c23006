using CareWorkspace.Domain.Access;
using CareWorkspace.Web.Localization;
using Microsoft.Extensions.Localization;

namespace CareWorkspace.Web.Components.Layout;

/// <summary>Role names as people read them, in the reader's language.</summary>
public static class RoleLabels
{
    public static string For(string? role) => Enum.TryParse<UserRole>(role, out var r) ? For(r) : "";

    public static string For(UserRole role) => Text[role switch
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
        UserRole.System => "System",
    }];

    private static IStringLocalizer Text => StaticText.For(typeof(RoleLabels));
}
