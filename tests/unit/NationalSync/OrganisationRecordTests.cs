using CareWorkspace.Infrastructure.NationalServices;
using CareWorkspace.Infrastructure.NationalServices.Sandbox;
using Hl7.Fhir.Model;

namespace CareWorkspace.UnitTests.NationalSync;

/// <summary>An Organization from the organisation register (SOR) read into what we keep.</summary>
public sealed class OrganisationRecordTests
{
    [Fact]
    public void A_national_example_Organization_is_read_by_its_SOR_code_beside_its_other_identifiers()
    {
        Assert.True(StrictFhirParser.TryParse(NationalExamples.Read("dk-medcom-homecareobservation/Organization-d1c1fa90-2c7e-4dd7-b2e8-e40281635a98.json"),
            out var resource, out var parseReason), parseReason);

        var read = OrganisationRegisterAdapter.TryRead(resource!, out var organisation, out var reason);

        // Its GLN is written in https, a system DK-core does not use: the whole resource is refused with that reason.
        Assert.False(read);
        Assert.Equal("An organisation identifier is in an unknown system (https://www.gs1.org/gln).", reason);
        Assert.Null(organisation);
    }

    [Fact]
    public void The_sandbox_s_GP_clinic_gives_its_work_address_phone_kind_and_activity()
    {
        var clinic = SandboxOrganisations.Organisation("gp", "100000000002012", "Lægerne Strandvejen", "Almen praksis", "Strandvejen 48", "2900", "Havby",
            "+45 98 76 54 32", "kontakt@example.dk", new Identifier(DkIdentifiers.Ydernummer, "045321"));
        clinic.Address.Insert(0, new Address { Use = Address.AddressUse.Old, Line = ["Gammel Vej 1"], PostalCode = "2900", City = "Havby" });

        Assert.True(OrganisationRegisterAdapter.TryRead(clinic, out var organisation, out var reason), reason);

        Assert.Equal(new OrganisationRecord(organisation!.Sor, "Lægerne Strandvejen", "Strandvejen 48", "2900", "Havby", "+45 98 76 54 32", "Almen praksis", true),
            organisation);
        Assert.Equal("100000000002012", organisation.Sor.Value);
    }

    [Fact]
    public void An_Organization_marked_inactive_is_read_as_inactive_and_one_without_a_name_is_passed_on_for_our_rules_to_refuse()
    {
        var closed = SandboxOrganisations.Organisation("gp", "100000000002012", "", "Almen praksis", "Strandvejen 48", "2900", "Havby", "+45 98 76 54 32", null);
        closed.Active = false;
        closed.Name = null;

        Assert.True(OrganisationRegisterAdapter.TryRead(closed, out var organisation, out _));

        Assert.False(organisation!.Active);
        Assert.Null(organisation.Name);
    }

    [Fact]
    public void Another_resource_type_is_refused()
    {
        Assert.False(OrganisationRegisterAdapter.TryRead(new Practitioner(), out _, out var reason));
        Assert.Equal("Expected an Organization, not Practitioner.", reason);
    }
}
