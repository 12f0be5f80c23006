namespace CareWorkspace.Domain.Medicines.Checks;

/// <summary>
/// One finding of the medication checks, explaining why it fired: <see cref="Why"/> is an English template with its
/// <see cref="Arguments"/> (translated like a DomainException's message), <see cref="RuleId"/> names the rule or the
/// register entry that matched, <see cref="Advice"/> and <see cref="Literature"/> come from the rule's data.
/// </summary>
public sealed record MedicationAlert(
    MedicationAlertKind Kind,
    AlertSeverity Severity,
    string RuleId,
    string Why,
    IReadOnlyList<object?> Arguments,
    string? Advice = null,
    string? Literature = null);
