using Firely.Fhir.Validation;
using Hl7.Fhir.Model;
using Hl7.Fhir.Specification.Source;
using Hl7.Fhir.Specification.Terminology;

namespace CareWorkspace.IntegrationTests.FhirApi;

/// <summary>
/// The Firely profile validator against the R4 core StructureDefinitions, read offline from the specification.zip of
/// Hl7.Fhir.Specification.Data.R4. Built once: it compiles and caches the definitions it uses.
/// </summary>
public static class FhirValidation
{
    private static readonly Lazy<Validator> Instance = new(() =>
    {
        var resolver = new CachedResolver(ZipSource.CreateValidationSource());
        return new Validator(resolver, new LocalTerminologyService(resolver));
    });

    private static readonly Lock Gate = new();

    /// <summary>The errors (and fatal issues) the validator finds in a resource; empty when it is valid R4.</summary>
    public static IReadOnlyList<string> ErrorsOf(Resource resource)
    {
        OperationOutcome outcome;
        lock (Gate)
            outcome = Instance.Value.Validate(resource);
        return outcome.Issue
            .Where(i => i.Severity is OperationOutcome.IssueSeverity.Error or OperationOutcome.IssueSeverity.Fatal)
            .Select(i => $"{resource.TypeName}/{resource.Id}: {i.Details?.Text ?? i.Diagnostics} at {string.Join(",", i.Expression ?? [])}")
            .ToList();
    }
}
