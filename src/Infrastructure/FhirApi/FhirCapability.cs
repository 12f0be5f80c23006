using Hl7.Fhir.Model;

namespace CareWorkspace.Infrastructure.FhirApi;

/// <summary>What our read-only FHIR API offers: reading a Patient and the <c>$everything</c> operation, in JSON.</summary>
public static class FhirCapability
{
    public const string EverythingDefinition = "http://hl7.org/fhir/OperationDefinition/Patient-everything";

    public static CapabilityStatement Statement(Uri fhirBase, string softwareVersion, DateTimeOffset published) => new()
    {
        Url = new Uri(fhirBase, "metadata").AbsoluteUri,
        Name = "CareWorkspaceFhirApi",
        Title = "CareWorkspace read-only FHIR API",
        Status = PublicationStatus.Active,
        Date = published.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        Publisher = "CareWorkspace",
        Kind = CapabilityStatementKind.Instance,
        Software = new CapabilityStatement.SoftwareComponent { Name = "CareWorkspace", Version = softwareVersion },
        Implementation = new CapabilityStatement.ImplementationComponent { Description = "CareWorkspace", Url = fhirBase.AbsoluteUri },
        FhirVersion = FHIRVersion.N4_0_1,
        Format = ["application/fhir+json", "json", "application/fhir+xml", "xml"],
        Rest =
        [
            new CapabilityStatement.RestComponent
            {
                Mode = CapabilityStatement.RestfulCapabilityMode.Server,
                Documentation = "Read-only. Sign in with the CareWorkspace cookie or a personal API token (Authorization: Bearer). "
                    + "Every read follows the same access rules as the screens and is written to the access log.",
                Security = new CapabilityStatement.SecurityComponent
                {
                    Service = [new CodeableConcept("http://terminology.hl7.org/CodeSystem/restful-security-service", "Basic") { Text = "Bearer token or session cookie" }],
                    Description = "A personal API token (made on the account page) as a bearer token, or the CareWorkspace session cookie.",
                },
                Resource =
                [
                    new CapabilityStatement.ResourceComponent
                    {
                        Type = "Patient",
                        Interaction = [new CapabilityStatement.ResourceInteractionComponent { Code = CapabilityStatement.TypeRestfulInteraction.Read }],
                        Operation =
                        [
                            new CapabilityStatement.OperationComponent { Name = "everything", Definition = EverythingDefinition },
                        ],
                    },
                    new CapabilityStatement.ResourceComponent
                    {
                        Type = "AuditEvent",
                        Documentation = "The patient's access log (IHE BALP style), for the patient and a relative whose consent includes it.",
                        Interaction = [new CapabilityStatement.ResourceInteractionComponent { Code = CapabilityStatement.TypeRestfulInteraction.SearchType }],
                        SearchParam =
                        [
                            new CapabilityStatement.SearchParamComponent { Name = "patient", Type = SearchParamType.Reference },
                        ],
                    },
                ],
            },
        ],
    };
}
