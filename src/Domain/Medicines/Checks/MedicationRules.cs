namespace CareWorkspace.Domain.Medicines.Checks;

/// <summary>The curated rule set the checks use: interaction rules and maximum daily doses (read from the rule files).</summary>
public sealed record MedicationRules(IReadOnlyList<InteractionRule> Interactions, IReadOnlyList<MaximumDoseRule> MaximumDoses)
{
    public static readonly MedicationRules None = new([], []);
}
