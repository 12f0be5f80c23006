using Hl7.Fhir.Model;
using DomainCondition = CareWorkspace.Domain.Patients.Condition;
using DomainPatient = CareWorkspace.Domain.Patients.Patient;
using FhirPatient = Hl7.Fhir.Model.Patient;

namespace CareWorkspace.Infrastructure.FhirApi;

/// <summary>The patient, relatives, care team and conditions as DK-core-style FHIR R4 resources.</summary>
public static class FhirPatientResources
{
    /// <summary>
    /// The patient. Without the personal-details section (a relative without that consent) only the name is given,
    /// as the pathway header shows it: no CPR, birth date, address or phone. A patient with name and address protection
    /// carries the "restricted" security label, and the address only for the patient (<paramref name="withAddress"/>).
    /// </summary>
    public static FhirPatient Patient(DomainPatient patient, bool withPersonalDetails, Domain.Organisations.Organisation? gp, bool withAddress = true)
    {
        var resource = new FhirPatient
        {
            Id = patient.Id.ToString("D"),
            Active = true,
            Name = [new HumanName { Use = HumanName.NameUse.Official, Family = patient.FamilyName, Given = [patient.GivenName] }],
        };
        if (patient.NameAndAddressProtected)
            resource.Meta = new Meta { Security = [new Coding("http://terminology.hl7.org/CodeSystem/v3-Confidentiality", "R", "restricted")] };
        if (!withPersonalDetails)
            return resource;
        resource.Identifier = [new Identifier(patient.Cpr.System, patient.Cpr.Value)];
        resource.BirthDate = FhirCoding.Date(patient.Cpr.BirthDate);
        if (withAddress && patient.Address is { } address)
            resource.Address = [new Address { Use = Address.AddressUse.Home, Line = [address.Line], PostalCode = address.PostalCode, City = address.City, Country = "DK" }];
        if (patient.Phone is { } phone)
            resource.Telecom = [new ContactPoint(ContactPoint.ContactPointSystem.Phone, ContactPoint.ContactPointUse.Home, phone)];
        if (gp is not null)
            resource.GeneralPractitioner = [FhirCoding.Organisation(gp)];
        return resource;
    }

    public static IEnumerable<RelatedPerson> Relatives(DomainPatient patient) =>
        patient.Relatives.Select(r => new RelatedPerson
        {
            Id = r.Id.ToString("D"),
            Active = true,
            Patient = FhirCoding.Patient(patient.Id, patient.FullName),
            Relationship = [new CodeableConcept(FhirCoding.RoleCode, r.Relationship.ToString())],
            Name = [new HumanName { Text = r.Name }],
            Telecom = [new ContactPoint(ContactPoint.ContactPointSystem.Phone, null, r.Phone) { Rank = r.IsContactRelative ? 1 : null }],
        });

    /// <summary>One CareTeam: each organisation's part (role and period), named by its SOR code.</summary>
    public static Hl7.Fhir.Model.CareTeam CareTeam(DomainPatient patient, IReadOnlyDictionary<Guid, Domain.Organisations.Organisation> organisations, DateOnly today) => new()
    {
        Id = patient.Id.ToString("D"),
        Status = patient.CareTeam.Any(m => m.IsActiveOn(today)) ? Hl7.Fhir.Model.CareTeam.CareTeamStatus.Active : Hl7.Fhir.Model.CareTeam.CareTeamStatus.Inactive,
        Name = "CareWorkspace care team",
        Subject = FhirCoding.Patient(patient.Id, patient.FullName),
        Participant = patient.CareTeam.OrderBy(m => m.From).Select(m => new Hl7.Fhir.Model.CareTeam.ParticipantComponent
        {
            Role = [new CodeableConcept { Text = m.PersonName is null ? m.Role.ToString() : $"{m.Role}: {m.PersonName}" }],
            Member = FhirCoding.Organisation(organisations.GetValueOrDefault(m.OrganisationId)),
            Period = FhirCoding.Period(m.From, m.To),
        }).ToList(),
    };

    public static IEnumerable<Hl7.Fhir.Model.Condition> Conditions(DomainPatient patient, IEnumerable<DomainCondition> conditions) =>
        conditions.Select(c => Condition(patient, c));

    private static Hl7.Fhir.Model.Condition Condition(DomainPatient patient, DomainCondition condition) => new()
    {
        Id = condition.Id.ToString("D"),
        ClinicalStatus = new CodeableConcept(FhirCoding.ConditionClinical, "active"),
        VerificationStatus = new CodeableConcept(FhirCoding.ConditionVerification, "confirmed"),
        Code = new CodeableConcept(condition.CodeSystem, condition.Code, condition.Text, condition.Text),
        Subject = FhirCoding.Patient(patient.Id, patient.FullName),
        Onset = new FhirDateTime(FhirCoding.Date(condition.Onset)),
    };
}
