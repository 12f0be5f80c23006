using CareWorkspace.Infrastructure.FhirApi;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Task = System.Threading.Tasks.Task;

namespace CareWorkspace.Web.Features.FhirApi;

/// <summary>
/// A FHIR resource as an HTTP answer, written in the format the caller asked for (<see cref="FhirFormats.Of"/>): JSON by
/// default, XML on request; a format we do not write is refused with 406 and an OperationOutcome in JSON.
/// </summary>
public sealed class FhirResult(Resource resource, int status = StatusCodes.Status200OK) : IResult
{
    public Resource Resource => resource;

    public int Status => status;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        var format = FhirFormats.Of(httpContext.Request);
        var (body, written) = format is { } known
            ? (resource, known)
            : (FhirOutcomes.Error(OperationOutcome.IssueType.NotSupported,
                FhirApiText.Translate(httpContext, "Only JSON and XML are offered: ask for _format=json or _format=xml.")), FhirFormat.Json);
        response.StatusCode = format is null ? StatusCodes.Status406NotAcceptable : status;
        response.ContentType = FhirFormats.ContentTypeOf(written);
        response.Headers.Vary = "Accept";
        await response.WriteAsync(written == FhirFormat.Xml ? body.ToXml() : body.ToJson(), httpContext.RequestAborted);
    }
}
