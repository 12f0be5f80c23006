namespace CareWorkspace.Domain.CarePlans;

/// <summary>What a plan is about and when it runs: its title, the conditions it addresses and its period.</summary>
public sealed record CarePlanDetails(string? Title, IReadOnlyList<string> Conditions, DateOnly Start, DateOnly? End);
