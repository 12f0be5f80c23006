namespace CareWorkspace.Domain.CarePlans;

/// <summary>How the measured value is held against the target: HbA1c at most 53, walk at least 300 m, cigarettes exactly 0.</summary>
public enum GoalComparator
{
    AtMost,
    AtLeast,
    Exactly,
}
