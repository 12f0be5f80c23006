using CareWorkspace.Domain.Medicines.Checks;

namespace CareWorkspace.Domain.Medicines.Allergies;

/// <summary>
/// Checks one drug against the patient's allergy (CAVE) register: an active entry matches when its substance is named in
/// the drug's name, or when the drug's ATC code lies in the entry's ATC class (J01C penicillins covers J01CA04
/// amoxicillin). A suspected allergy alerts as well as a confirmed one; the explanation says which. One alert per matching
/// entry, whose rule id is the entry's.
/// </summary>
public static class AllergyCheck
{
    public const string RulePrefix = "allergy:";

    public const string SubstanceWhy =
        "{0} contains {1}, which is in the allergy register ({2}, {3}; reaction: {4}).";

    public const string ClassWhy =
        "{0} ({1}) belongs to the drug class {2}, which is in the allergy register ({3}, {4}; reaction: {5}).";

    public static IReadOnlyList<MedicationAlert> Check(CheckedDrug drug, IEnumerable<AllergyEntry> register)
    {
        ArgumentNullException.ThrowIfNull(drug);
        var alerts = new List<MedicationAlert>();
        foreach (var entry in register.Where(e => e.IsActive))
        {
            if (entry.Substance is { } substance && SubstanceName.IsIn(substance, drug.DrugName))
            {
                alerts.Add(Alert(entry, SubstanceWhy, [drug.DrugName, substance, Certainty(entry), Severity(entry), Reaction(entry)]));
            }
            else if (entry.AtcCode is { } atc && AtcCode.Covers(atc, drug.AtcCode))
            {
                alerts.Add(Alert(entry, ClassWhy,
                    [drug.DrugName, drug.AtcCode!.Trim().ToUpperInvariant(), entry.Name, Certainty(entry), Severity(entry), Reaction(entry)]));
            }
        }
        return alerts;
    }

    /// <summary>A life-threatening or severe reaction is a major alert, a moderate one moderate, a mild one minor.</summary>
    public static AlertSeverity SeverityOf(AllergySeverity severity) => severity switch
    {
        AllergySeverity.Mild => AlertSeverity.Minor,
        AllergySeverity.Moderate => AlertSeverity.Moderate,
        _ => AlertSeverity.Major,
    };

    private static MedicationAlert Alert(AllergyEntry entry, string why, object?[] arguments) =>
        new(MedicationAlertKind.Allergy, SeverityOf(entry.Severity), RulePrefix + entry.Id.ToString("D"), why, arguments);

    private static string Certainty(AllergyEntry entry) => AllergyWords.Of(entry.Certainty);

    private static string Severity(AllergyEntry entry) => AllergyWords.Of(entry.Severity);

    private static string Reaction(AllergyEntry entry) => entry.Reaction ?? "not recorded";
}
