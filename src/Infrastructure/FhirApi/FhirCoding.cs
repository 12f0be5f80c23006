using CareWorkspace.Domain.Common;
using CareWorkspace.Domain.Organisations;
using CareWorkspace.Infrastructure.NationalServices;
using Hl7.Fhir.Model;

namespace CareWorkspace.Infrastructure.FhirApi;

/// <summary>The code systems, references and date forms every resource of our FHIR API shares.</summary>
internal static class FhirCoding
{
    public const string Ucum = "http://unitsofmeasure.org";
    public const string Loinc = "http://loinc.org";
    public const string RoleCode = "http://terminology.hl7.org/CodeSystem/v3-RoleCode";
    public const string ObservationCategory = "http://terminology.hl7.org/CodeSystem/observation-category";
    public const string GoalAchievement = "http://terminology.hl7.org/CodeSystem/goal-achievement";
    public const string ConditionClinical = "http://terminology.hl7.org/CodeSystem/condition-clinical";
    public const string ConditionVerification = "http://terminology.hl7.org/CodeSystem/condition-ver-status";

    /// <summary>Our own codes (early-warning scores, triage colour), where no national code exists.</summary>
    public const string CareWorkspaceCodes = "https://careworkspace.dk/fhir/CodeSystem/early-detection";

    public static ResourceReference Patient(Guid id, string name) => new($"Patient/{id:D}") { Display = name };

    /// <summary>An organisation named by its SOR code (DK-core), so the reference holds without our Organization resources.</summary>
    public static ResourceReference Organisation(Organisation? organisation, string? fallbackName = null) =>
        organisation is null
            ? new ResourceReference { Display = fallbackName ?? "Unknown organisation" }
            : new ResourceReference { Identifier = new Identifier(DkIdentifiers.Sor, organisation.Sor.Value), Display = organisation.Name };

    public static FhirDateTime DateTime(DateTimeOffset instant) => new(CopenhagenTime.ToCopenhagen(instant));

    public static string Date(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public static Hl7.Fhir.Model.Period Period(DateOnly from, DateOnly? to) => new() { Start = Date(from), End = to is { } end ? Date(end) : null };
}
