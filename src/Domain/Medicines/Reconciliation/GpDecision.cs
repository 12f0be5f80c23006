namespace CareWorkspace.Domain.Medicines.Reconciliation;

/// <summary>The GP's answer to one difference: accept it onto the current list or reject it, with an optional reason.</summary>
public sealed record GpDecision(bool Accepted, string? Reason);
