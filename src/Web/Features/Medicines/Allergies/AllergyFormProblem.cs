using CareWorkspace.Domain.Common;

namespace CareWorkspace.Web.Features.Medicines.Allergies;

/// <summary>Why an allergy entry was not saved, and the field it concerns (shown beside it), or none (shown under the form).</summary>
public sealed record AllergyFormProblem(AllergyField? Field, string Message)
{
    /// <summary>The field a refusal of the register's rules is about, from the rule's template and its values.</summary>
    public static AllergyField? FieldOf(Exception ex) => ex switch
    {
        DomainException { Template: "Give the substance, the drug class (ATC code) or both." } => AllergyField.Substance,
        DomainException { Template: "Choose the severity." } => AllergyField.Severity,
        DomainException { Template: "Choose whether the allergy is suspected or confirmed." } => AllergyField.Certainty,
        DomainException { Template: "Say why the allergy entry was entered in error." } => AllergyField.Reason,
        DomainException d when d.Template.Contains("is not an ATC code", StringComparison.Ordinal) => AllergyField.AtcCode,
        DomainException { Arguments: [string field, ..] } => field switch
        {
            "Substance" => AllergyField.Substance,
            "Reaction" => AllergyField.Reaction,
            "Reason" => AllergyField.Reason,
            _ => null,
        },
        _ => null,
    };
}

public enum AllergyField
{
    Substance,
    AtcCode,
    Reaction,
    Severity,
    Certainty,
    Reason,
}
