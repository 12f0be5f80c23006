using System.Globalization;
using CareWorkspace.Domain.CarePlans;
using CareWorkspace.Domain.Common;

namespace CareWorkspace.Domain.Medicines.Checks;

/// <summary>
/// The rule-based checks of a drug against the patient's current list, and of the list itself: drug–drug interactions
/// (by substance or class, either order), duplicate therapy (the same ATC level 5, or level 4) and a daily dose above a
/// rule's maximum. Pure: the rules are indexed once by ATC prefix; allergy checks come from the allergy register and are
/// added by the caller.
/// </summary>
public sealed class MedicationChecks
{
    public const string DuplicateSubstanceRule = "duplicate-therapy-atc5";
    public const string DuplicateSubgroupRule = "duplicate-therapy-atc4";
    public const string AtcLiterature = "WHO Collaborating Centre for Drug Statistics Methodology, ATC/DDD Index";

    public const string InteractionWhy = "{0} ({1}) and {2} ({3}) interact: rule {4} covers {5} together with {6}.";
    public const string SameSubstanceWhy = "{0} and {1} are the same substance (ATC {2}): check that both are intended, or stop one.";
    public const string SameSubgroupWhy = "{0} ({1}) and {2} ({3}) are in the same chemical subgroup (ATC {4}): check that both are intended.";
    public const string AboveMaximumWhy = "The daily dose of {0}, {1} {2}, is above the maximum of {3} {4} (rule {5}).";
    public const string NotComparableWhy = "The daily dose of {0} is in {1}, which cannot be compared with the maximum of {2} {3} (rule {4}); check the dose by hand.";

    private readonly RuleIndex<InteractionRule> _interactions = new();
    private readonly RuleIndex<MaximumDoseRule> _maximumDoses = new();

    public MedicationChecks(MedicationRules rules)
    {
        foreach (var rule in rules.Interactions)
        {
            _interactions.Add(rule.First, rule);
            _interactions.Add(rule.Second, rule);
        }
        foreach (var rule in rules.MaximumDoses)
            _maximumDoses.Add(rule.Atc, rule);
    }

    /// <summary>
    /// The alerts for prescribing (or importing) <paramref name="drug"/> while <paramref name="current"/> are taken. A drug
    /// without a known ATC code, or with a dose in a unit that is not UCUM, is refused with a <see cref="DomainException"/>.
    /// </summary>
    public IReadOnlyList<MedicationAlert> Check(CheckedDrug drug, IReadOnlyList<CheckedDrug> current, CultureInfo language)
    {
        var code = AtcCode.Parse(drug.AtcCode);
        if (!AtcCode.IsSubstance(code))
            throw new DomainException("'{0}' is an ATC class; a prescription needs the substance's full code (7 characters, e.g. M01AE01).", code);
        var candidate = new Coded(drug with { AtcCode = code }, code, Matching(code));
        var alerts = new List<MedicationAlert>();
        foreach (var other in All(current))
        {
            if (drug.EntryId is { } id && other.Drug.EntryId == id)
                continue;
            alerts.AddRange(Between(candidate, other, language));
        }
        alerts.AddRange(Dose(candidate, language, refuseBadUnit: true));
        return alerts;
    }

    /// <summary>The alerts among the drugs on a list (each pair once) and each drug's dose, with the entries concerned.</summary>
    public IReadOnlyList<MedicationListAlert> CheckList(IReadOnlyList<CheckedDrug> current, CultureInfo language)
    {
        var drugs = All(current);
        var alerts = new List<MedicationListAlert>();
        for (var i = 0; i < drugs.Count; i++)
        {
            for (var j = i + 1; j < drugs.Count; j++)
                alerts.AddRange(Between(drugs[i], drugs[j], language).Select(a => new MedicationListAlert(a, Entries(drugs[i], drugs[j]))));
            alerts.AddRange(Dose(drugs[i], language, refuseBadUnit: false).Select(a => new MedicationListAlert(a, Entries(drugs[i]))));
        }
        return alerts;
    }

    private IEnumerable<MedicationAlert> Between(Coded drug, Coded other, CultureInfo language)
    {
        if (drug.Code == other.Code)
        {
            yield return new MedicationAlert(MedicationAlertKind.DuplicateTherapy, AlertSeverity.Major, DuplicateSubstanceRule, SameSubstanceWhy,
                [drug.Drug.DrugName, other.Drug.DrugName, drug.Code], Literature: AtcLiterature);
            yield break;
        }
        if (drug.Code[..AtcCode.ChemicalSubgroupLength] == other.Code[..AtcCode.ChemicalSubgroupLength])
        {
            yield return new MedicationAlert(MedicationAlertKind.DuplicateTherapy, AlertSeverity.Moderate, DuplicateSubgroupRule, SameSubgroupWhy,
                [drug.Drug.DrugName, drug.Code, other.Drug.DrugName, other.Code, drug.Code[..AtcCode.ChemicalSubgroupLength]], Literature: AtcLiterature);
        }
        foreach (var rule in drug.Interactions)
        {
            var forward = AtcCode.Matches(drug.Code, rule.First) && AtcCode.Matches(other.Code, rule.Second);
            var backward = AtcCode.Matches(drug.Code, rule.Second) && AtcCode.Matches(other.Code, rule.First);
            if (!forward && !backward)
                continue;
            yield return new MedicationAlert(MedicationAlertKind.Interaction, rule.Severity, rule.Id, InteractionWhy,
                [drug.Drug.DrugName, drug.Code, other.Drug.DrugName, other.Code, rule.Id, rule.First, rule.Second], rule.Advice.In(language), rule.Source);
        }
    }

    private IEnumerable<MedicationAlert> Dose(Coded drug, CultureInfo language, bool refuseBadUnit)
    {
        if (drug.Drug.DailyDose is not { } amount || string.IsNullOrWhiteSpace(drug.Drug.DoseUnit))
            yield break;
        var text = drug.Drug.DoseUnit.Trim();
        UcumUnit? unit = UcumUnit.IsValid(text) ? UcumUnit.Parse(text) : null;
        if (unit is null && refuseBadUnit)
            throw new DomainException("'{0}' is not a unit a dose can be given in. Write the daily dose in UCUM, e.g. mg, g, ug, mL or [iU].", text);
        foreach (var rule in _maximumDoses.For(drug.Code))
        {
            var inRuleUnit = unit is null ? null : DoseUnits.Convert(amount, unit, rule.Unit);
            if (inRuleUnit is null)
            {
                yield return new MedicationAlert(MedicationAlertKind.MaximumDose, AlertSeverity.Moderate, rule.Id, NotComparableWhy,
                    [drug.Drug.DrugName, text, rule.MaximumDaily, rule.Unit.Code, rule.Id], rule.Advice.In(language), rule.Source);
            }
            else if (inRuleUnit > rule.MaximumDaily)
            {
                yield return new MedicationAlert(MedicationAlertKind.MaximumDose, AlertSeverity.Major, rule.Id, AboveMaximumWhy,
                    [drug.Drug.DrugName, amount, text, rule.MaximumDaily, rule.Unit.Code, rule.Id], rule.Advice.In(language), rule.Source);
            }
        }
    }

    private static Guid[] Entries(params Coded[] drugs) => [.. drugs.Select(d => d.Drug.EntryId).OfType<Guid>()];

    // Drugs on the list without a substance code (free text) cannot be checked by code; each one's rules are looked up once.
    private List<Coded> All(IEnumerable<CheckedDrug> drugs) =>
    [
        .. drugs.Select(d => (Drug: d, Code: d.AtcCode?.Trim().ToUpperInvariant()))
            .Where(d => AtcCode.IsSubstance(d.Code))
            .Select(d => new Coded(d.Drug, d.Code!, Matching(d.Code!))),
    ];

    private InteractionRule[] Matching(string code) => [.. _interactions.For(code).Distinct()];

    private sealed record Coded(CheckedDrug Drug, string Code, InteractionRule[] Interactions);
}
