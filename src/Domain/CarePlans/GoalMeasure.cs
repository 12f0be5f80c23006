using CareWorkspace.Domain.Common;

namespace CareWorkspace.Domain.CarePlans;

/// <summary>What a goal is measured by and its target: "HbA1c" at most 53 mmol/mol, "6-minute walk" at least 300 m.</summary>
public sealed record GoalMeasure
{
    public const int NameMaxLength = 200;

    public string Name { get; }
    public GoalComparator Comparator { get; }
    public decimal Target { get; }
    public UcumUnit Unit { get; }

    public GoalMeasure(string? name, GoalComparator comparator, decimal? target, string? unit)
    {
        Name = Guard.Optional(name, "Measure", NameMaxLength)
            ?? throw new DomainException("A goal needs a measure: what is measured, its target value and unit.");
        if (!Enum.IsDefined(comparator))
            throw new DomainException("Choose how the target is compared: at most, at least or exactly.");
        Comparator = comparator;
        Target = target ?? throw new DomainException("A goal's measure needs a target value.");
        if (Math.Abs(Target) > 1_000_000_000m)
            throw new DomainException("The target value {0} is out of range.", Target);
        Unit = UcumUnit.Parse(unit);
    }
}
