using CareWorkspace.Domain.Organisations;
using MudBlazor;

namespace CareWorkspace.Web.Features.Pathway;

/// <summary>Each sector's colour and icon, the same everywhere on the pathway.</summary>
public static class SectorStyle
{
    public static string ColourFor(Sector sector) => sector switch
    {
        Sector.Hospital => "#b3261e",
        Sector.GeneralPractice => "#1f5f8b",
        Sector.Municipality => "#2e7d32",
    };

    public static string IconFor(Sector sector) => sector switch
    {
        Sector.Hospital => Icons.Material.Filled.LocalHospital,
        Sector.GeneralPractice => Icons.Material.Filled.MedicalServices,
        Sector.Municipality => Icons.Material.Filled.HomeWork,
    };
}
