using CareWorkspace.Domain.NationalSync;
using CareWorkspace.Domain.Organisations;
using CareWorkspace.Infrastructure.Demo;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace CareWorkspace.Infrastructure.NationalServices.Sandbox;

/// <summary>
/// The demo organisations as the organisation register (SOR) has them: the same names as the demo database, with the
/// address, phone and organisation type (enhedstype) a SOR record carries, and the other identifiers SOR lists beside the
/// SOR code (the GP clinic's ydernummer, the hospital's location number). Havby and Skovlund are the demo's towns.
/// </summary>
public static class SandboxOrganisations
{
    public const string HospitalPhone = "+45 70 11 22 33";

    public static void Fill(SandboxStore store)
    {
        foreach (var organisation in All())
            store.Place(NationalService.Organisation, organisation.ToJson());
    }

    /// <summary>What SOR says about a demo organisation (null: not one of them), as the sync would read it.</summary>
    public static SorEntry? EntryFor(SorCode sor) =>
        All().Select(o => OrganisationRegisterAdapter.TryRead(o, out var record, out _) ? record : null)
            .FirstOrDefault(r => r?.Sor == sor)?.ToEntry();

    private static IEnumerable<Organization> All() =>
    [
        Organisation("hospital", DemoOrganisations.HospitalSor, SandboxSeed.HospitalName, "Sygehusafdeling",
            "Kystvej 1, opgang 4", "2900", "Havby", HospitalPhone, "lungemedicinsk@nordkysthospital.example.dk",
            new Identifier(DkIdentifiers.Gln, "5790001351087")),
        Organisation("gp-clinic", DemoOrganisations.GpClinicSor, "Lægerne Strandvejen", "Almen praksis",
            "Strandvejen 48, 1. sal", "2900", "Havby", "+45 98 76 54 32", null,
            new Identifier(DkIdentifiers.Ydernummer, "045321")),
        Organisation("havby-kommune", DemoOrganisations.MunicipalitySor, "Havby Kommune", "Kommune",
            "Rådhuspladsen 1", "2900", "Havby", "+45 39 98 00 00", "havby@havby.example.dk"),
        Organisation("havby-hjemmepleje", DemoOrganisations.HomeCareSor, SandboxSeed.HomeCareName, "Hjemmepleje",
            "Plejevej 2", "2900", "Havby", "+45 39 98 41 00", null, partOf: "havby-kommune"),
        Organisation("havby-genoptraening", DemoOrganisations.RehabSor, "Havby Kommune, Genoptræningscenter", "Genoptræning",
            "Idrætsvej 5", "2900", "Havby", "+45 39 98 42 50", null, partOf: "havby-kommune"),
        Organisation("havby-solgaarden", DemoOrganisations.CareHomeSor, "Havby Kommune, Plejecentret Solgården", "Plejecenter",
            "Solgårdsvej 4", "2900", "Havby", "+45 39 98 43 00", null, partOf: "havby-kommune"),
        Organisation("skovlund-kommune", DemoOrganisations.OtherMunicipalitySor, "Skovlund Kommune", "Kommune",
            "Torvet 3", "6823", "Skovlund", "+45 76 94 10 00", "post@skovlund.example.dk"),
        Organisation("skovlund-hjemmepleje", DemoOrganisations.OtherHomeCareSor, "Skovlund Kommune, Hjemmeplejen", "Hjemmepleje",
            "Bøgevej 14", "6823", "Skovlund", "+45 76 94 12 20", null, partOf: "skovlund-kommune"),
    ];

    /// <summary>An active organisation in SOR as a FHIR Organization (DK-core identifier systems).</summary>
    public static Organization Organisation(string id, string sor, string name, string kind, string line, string postalCode, string city,
        string phone, string? email, Identifier? other = null, string? partOf = null)
    {
        var organisation = new Organization
        {
            Id = id,
            Active = true,
            Identifier = [new Identifier(DkIdentifiers.Sor, sor) { Use = Identifier.IdentifierUse.Official }],
            Name = name,
            Type = [new CodeableConcept { Text = kind }],
            Telecom = [new ContactPoint(ContactPoint.ContactPointSystem.Phone, ContactPoint.ContactPointUse.Work, phone)],
            Address = [new Address { Use = Address.AddressUse.Work, Line = [line], PostalCode = postalCode, City = city, Country = "DK" }],
            PartOf = partOf is null ? null : new ResourceReference("Organization/" + partOf),
        };
        if (other is not null)
            organisation.Identifier.Add(other);
        if (email is not null)
            organisation.Telecom.Add(new ContactPoint(ContactPoint.ContactPointSystem.Email, ContactPoint.ContactPointUse.Work, email));
        return organisation;
    }

}
