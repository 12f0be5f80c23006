using CareWorkspace.Domain.Medicines;
using Hl7.Fhir.Model;

namespace CareWorkspace.Infrastructure.FhirApi;

/// <summary>The patient's medication list as FHIR R4 MedicationStatements (ATC-coded drug, dose as text, the source noted).</summary>
public static class FhirMedicationResources
{
    private const string Atc = "http://www.whocc.no/atc";

    public static MedicationStatement Statement(MedicationEntry entry, string patientName)
    {
        var drug = new CodeableConcept { Text = string.Join(' ', new[] { entry.DrugName, entry.Strength, entry.Form }.Where(p => !string.IsNullOrWhiteSpace(p))) };
        if (entry.AtcCode is { Length: > 0 } atc)
            drug.Coding = [new Coding(Atc, atc, entry.DrugName)];
        var statement = new MedicationStatement
        {
            Id = entry.Id.ToString("D"),
            Status = entry.Status switch
            {
                MedicationStatus.Active => MedicationStatement.MedicationStatusCodes.Active,
                MedicationStatus.Paused => MedicationStatement.MedicationStatusCodes.OnHold,
                _ => MedicationStatement.MedicationStatusCodes.Stopped,
            },
            Medication = drug,
            Subject = FhirCoding.Patient(entry.PatientId, patientName),
            Dosage = [new Dosage { Text = entry.DoseText, AsNeeded = new FhirBoolean(entry.AsNeeded), Route = entry.Route is { } route ? new CodeableConcept { Text = route } : null }],
        };
        if (entry.Start is { } start)
            statement.Effective = new Hl7.Fhir.Model.Period { Start = FhirCoding.Date(start), End = entry.End is { } end ? FhirCoding.Date(end) : null };
        if (entry.Indication is { Length: > 0 } indication)
            statement.ReasonCode = [new CodeableConcept { Text = indication }];
        if ((entry.Prescriber ?? entry.Organisation) is { Length: > 0 } source)
            statement.InformationSource = new ResourceReference { Display = source };
        if (entry.SourceUpdatedAt is { } updated)
            statement.DateAsserted = FhirCoding.DateTime(updated).Value;
        return statement;
    }
}
