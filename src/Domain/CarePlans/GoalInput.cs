namespace CareWorkspace.Domain.CarePlans;

/// <summary>What the editor of a goal enters; checked when the goal is added or changed.</summary>
public sealed record GoalInput(string? Description, string? MeasureName, GoalComparator Comparator, decimal? Target, string? Unit, DateOnly? DueDate);
