using CareWorkspace.Domain.Organisations;

namespace CareWorkspace.Infrastructure.Demo;

/// <summary>Fictitious organisations with well-formed SOR codes.</summary>
public static class DemoOrganisations
{
    public const string HospitalSor = "100000000001011";
    public const string GpClinicSor = "100000000002012";
    public const string MunicipalitySor = "100000000003013";
    public const string HomeCareSor = "100000000003114";
    public const string RehabSor = "100000000003215";
    public const string OtherMunicipalitySor = "100000000004016";
    public const string OtherHomeCareSor = "100000000004117";
    public const string CareHomeSor = "100000000003318";

    public static IReadOnlyList<Organisation> Create()
    {
        var hospital = new Organisation("Nordkyst Hospital, Lungemedicinsk afdeling", SorCode.Parse(HospitalSor), Sector.Hospital);
        var clinic = new Organisation("Lægerne Strandvejen", SorCode.Parse(GpClinicSor), Sector.GeneralPractice);
        var municipality = new Organisation("Havby Kommune", SorCode.Parse(MunicipalitySor), Sector.Municipality);
        var homeCare = new Organisation("Havby Kommune, Hjemmeplejen", SorCode.Parse(HomeCareSor), Sector.Municipality, municipality.Id);
        var rehab = new Organisation("Havby Kommune, Genoptræningscenter", SorCode.Parse(RehabSor), Sector.Municipality, municipality.Id);
        var other = new Organisation("Skovlund Kommune", SorCode.Parse(OtherMunicipalitySor), Sector.Municipality);
        var otherHomeCare = new Organisation("Skovlund Kommune, Hjemmeplejen", SorCode.Parse(OtherHomeCareSor), Sector.Municipality, other.Id);
        var careHome = new Organisation("Havby Kommune, Plejecentret Solgården", SorCode.Parse(CareHomeSor), Sector.Municipality, municipality.Id);
        return [hospital, clinic, municipality, homeCare, rehab, other, otherHomeCare, careHome];
    }
}
