using CareWorkspace.Domain.CarePlans;
using CareWorkspace.Domain.Common;

namespace CareWorkspace.Domain.Medicines.Checks;

/// <summary>The highest daily dose of a substance or class (<see cref="Atc"/>), in a UCUM unit, with its advice and source.</summary>
public sealed record MaximumDoseRule
{
    public string Id { get; }
    public string Atc { get; }
    public decimal MaximumDaily { get; }
    public UcumUnit Unit { get; }
    public LocalisedText Advice { get; }
    public string Source { get; }

    public MaximumDoseRule(string id, string atc, decimal maximumDaily, UcumUnit unit, LocalisedText advice, string source)
    {
        Id = Guard.Required(id, "Rule id", InteractionRule.IdMaxLength);
        Atc = AtcCode.Parse(atc);
        if (maximumDaily <= 0)
            throw new DomainException("A maximum daily dose must be above zero (was {0}).", maximumDaily);
        if (!DoseUnits.IsMeasurable(unit))
            throw new DomainException("The unit '{0}' is not a unit a dose can be measured in (e.g. mg, g, ug, mL, [iU]).", unit.Code);
        MaximumDaily = maximumDaily;
        Unit = unit;
        Advice = advice;
        Source = Guard.Required(source, "Literature source", InteractionRule.SourceMaxLength);
    }
}
