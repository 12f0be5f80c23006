using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace CareWorkspace.Infrastructure.NationalServices.Sandbox;

/// <summary>MedCom-style hospital notification messages, for the sandbox's seed and for tests that place a new one.</summary>
public static class SandboxMessages
{
    private const string EventCodes = "http://medcomfhir.dk/ig/terminology/CodeSystem/medcom-messaging-eventCodes";
    private const string ActCodes = "http://terminology.hl7.org/CodeSystem/v3-ActCode";

    /// <summary>
    /// An admission (<paramref name="dischargedAt"/> null: the encounter is in progress) or a discharge (finished) of the
    /// person with <paramref name="cpr"/>, sent by the hospital with SOR code <paramref name="hospitalSor"/>.
    /// </summary>
    public static string HospitalNotification(string id, string cpr, string familyName, string hospitalSor, string hospitalName,
        string receiverSor, string receiverName, DateTimeOffset admittedAt, DateTimeOffset? dischargedAt)
    {
        var patient = new Patient
        {
            Id = "patient-" + id,
            Identifier = [new Identifier(DkIdentifiers.Cpr, cpr)],
            Name = [new HumanName { Use = HumanName.NameUse.Official, Family = familyName }],
        };
        var hospital = new Organization { Id = "sender-" + id, Identifier = [new Identifier(DkIdentifiers.Sor, hospitalSor)], Name = hospitalName };
        var receiver = new Organization { Id = "receiver-" + id, Identifier = [new Identifier(DkIdentifiers.Sor, receiverSor)], Name = receiverName };
        var encounter = new Encounter
        {
            Id = "encounter-" + id,
            Status = dischargedAt is null ? Encounter.EncounterStatus.InProgress : Encounter.EncounterStatus.Finished,
            Class = new Coding(ActCodes, "IMP"),
            Subject = new ResourceReference("Patient/" + patient.Id),
            Period = new Period(new FhirDateTime(admittedAt), dischargedAt is { } end ? new FhirDateTime(end) : null),
            ServiceProvider = new ResourceReference("Organization/" + hospital.Id),
        };
        var header = new MessageHeader
        {
            Id = "header-" + id,
            Event = new Coding(EventCodes, "hospital-notification-message"),
            Destination = [new MessageHeader.MessageDestinationComponent
            {
                Endpoint = "https://sor2.sum.dsdn.dk/#id=" + receiverSor,
                Receiver = new ResourceReference("Organization/" + receiver.Id),
            }],
            Sender = new ResourceReference("Organization/" + hospital.Id),
            Source = new MessageHeader.MessageSourceComponent { Endpoint = "https://sor2.sum.dsdn.dk/#id=" + hospitalSor },
            Focus = [new ResourceReference("Encounter/" + encounter.Id)],
        };
        var bundle = new Bundle
        {
            Id = id,
            Type = Bundle.BundleType.Message,
            Timestamp = dischargedAt ?? admittedAt,
        };
        foreach (Resource resource in new Resource[] { header, patient, encounter, hospital, receiver })
            bundle.Entry.Add(new Bundle.EntryComponent { FullUrl = $"http://sandbox.local/fhir/{resource.TypeName}/{resource.Id}", Resource = resource });
        return bundle.ToJson();
    }
}
