using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Audit;
using Hl7.Fhir.Model;

namespace CareWorkspace.Infrastructure.FhirApi;

/// <summary>
/// An access record as a FHIR AuditEvent in the style of IHE Basic Audit Log Patterns (BALP): a RESTful access to the
/// patient record (DICOM 110110), the interaction as subtype and action code, refused accesses with outcome 4 and the
/// reason, the user (with role and organisation) as the requesting agent, the patient and the part of the record as
/// entities, and the reason recorded as the purpose of the event.
/// </summary>
public static class FhirAuditEventResources
{
    public const string Dicom = "http://dicom.nema.org/resources/ontology/DCM";
    public const string RestfulInteraction = "http://hl7.org/fhir/restful-interaction";
    public const string ObjectRole = "http://terminology.hl7.org/CodeSystem/object-role";
    public const string AuditEntityType = "http://terminology.hl7.org/CodeSystem/audit-entity-type";
    public const string ActReason = "http://terminology.hl7.org/CodeSystem/v3-ActReason";
    public const string ParticipationType = "http://terminology.hl7.org/CodeSystem/v3-ParticipationType";
    public const string UserSystem = "https://careworkspace.dk/fhir/sid/user";
    public const string OrganisationSystem = "https://careworkspace.dk/fhir/sid/organisation";
    public const string SectionSystem = "https://careworkspace.dk/fhir/CodeSystem/record-section";

    public static AuditEvent Of(AccessRecord record, Guid patientId, string patientName)
    {
        var audit = new AuditEvent
        {
            Id = record.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Type = new Coding(Dicom, "110110", "Patient Record"),
            Subtype = [Subtype(record.Action)],
            Action = ActionCode(record.Action),
            Recorded = record.At.ToUniversalTime(),
            Outcome = record.Allowed ? AuditEvent.AuditEventOutcome.N0 : AuditEvent.AuditEventOutcome.N4,
            OutcomeDesc = record.Allowed ? null : record.Reason,
            PurposeOfEvent = [Purpose(record)],
            Agent = [User(record)],
            Source = new AuditEvent.SourceComponent { Observer = new ResourceReference { Display = "CareWorkspace" } },
            Entity =
            [
                new AuditEvent.EntityComponent
                {
                    What = FhirCoding.Patient(patientId, patientName),
                    Type = new Coding(AuditEntityType, "1", "Person"),
                    Role = new Coding(ObjectRole, "1", "Patient"),
                },
                new AuditEvent.EntityComponent
                {
                    What = new ResourceReference { Display = record.What },
                    Type = new Coding(AuditEntityType, "2", "System Object"),
                    Role = new Coding(ObjectRole, "4", "Domain Resource"),
                    Name = record.Section.ToString(),
                    Description = record.What,
                },
            ],
        };
        if (record.OrganisationId is { } organisationId)
            audit.Agent.Add(new AuditEvent.AgentComponent
            {
                Type = new CodeableConcept { Text = "Organisation" },
                Who = new ResourceReference { Identifier = new Identifier(OrganisationSystem, organisationId.ToString("D")), Display = record.OrganisationName },
                Requestor = false,
            });
        return audit;
    }

    private static AuditEvent.AgentComponent User(AccessRecord record) => new()
    {
        Type = new CodeableConcept(ParticipationType, "IRCP", "information recipient"),
        Role = [new CodeableConcept { Text = record.Role.ToString() }],
        Who = new ResourceReference
        {
            Identifier = new Identifier(UserSystem, record.UserId),
            Display = record.OrganisationName is { Length: > 0 } organisation ? $"{record.UserDisplayName} ({organisation})" : record.UserDisplayName,
        },
        Requestor = true,
    };

    /// <summary>The reason recorded; an access under emergency access also carries the emergency-treatment reason code.</summary>
    private static CodeableConcept Purpose(AccessRecord record) =>
        record.EmergencyAccess
            ? new CodeableConcept(ActReason, "ETREAT", "Emergency Treatment") { Text = record.Reason }
            : new CodeableConcept { Text = record.Reason };

    private static Coding Subtype(AccessAction action) => action switch
    {
        AccessAction.Read => new Coding(RestfulInteraction, "read", "read"),
        AccessAction.Search => new Coding(RestfulInteraction, "search-type", "search type"),
        AccessAction.Create => new Coding(RestfulInteraction, "create", "create"),
        AccessAction.Update => new Coding(RestfulInteraction, "update", "update"),
        _ => new Coding(RestfulInteraction, "delete", "delete"),
    };

    /// <summary>BALP: a search is an execute (E), the rest their CRUD letter.</summary>
    private static AuditEvent.AuditEventAction ActionCode(AccessAction action) => action switch
    {
        AccessAction.Read => AuditEvent.AuditEventAction.R,
        AccessAction.Search => AuditEvent.AuditEventAction.E,
        AccessAction.Create => AuditEvent.AuditEventAction.C,
        AccessAction.Update => AuditEvent.AuditEventAction.U,
        _ => AuditEvent.AuditEventAction.D,
    };

    /// <summary>A searchset page of AuditEvents, with its own link and the link to the next page when there is one.</summary>
    public static Bundle Searchset(IReadOnlyList<AuditEvent> events, Uri fhirBase, string self, string? next, DateTimeOffset now)
    {
        var bundle = new Bundle
        {
            Id = Guid.NewGuid().ToString("D"),
            Type = Bundle.BundleType.Searchset,
            Timestamp = now,
            Link = [new Bundle.LinkComponent { Relation = "self", Url = self }],
        };
        if (next is not null)
            bundle.Link.Add(new Bundle.LinkComponent { Relation = "next", Url = next });
        foreach (var audit in events)
            bundle.Entry.Add(new Bundle.EntryComponent
            {
                FullUrl = new Uri(fhirBase, $"AuditEvent/{audit.Id}").AbsoluteUri,
                Resource = audit,
                Search = new Bundle.SearchComponent { Mode = Bundle.SearchEntryMode.Match },
            });
        return bundle;
    }
}
