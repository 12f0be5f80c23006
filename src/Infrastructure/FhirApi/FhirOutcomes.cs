using Hl7.Fhir.Model;

namespace CareWorkspace.Infrastructure.FhirApi;

/// <summary>The OperationOutcome every refusal and error of our FHIR API answers with.</summary>
public static class FhirOutcomes
{
    public static OperationOutcome Error(OperationOutcome.IssueType type, string diagnostics) => new()
    {
        Issue = [new OperationOutcome.IssueComponent { Severity = OperationOutcome.IssueSeverity.Error, Code = type, Diagnostics = diagnostics }],
    };
}
