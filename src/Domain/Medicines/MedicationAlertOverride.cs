using CareWorkspace.Domain.Common;
using CareWorkspace.Domain.Medicines.Checks;

namespace CareWorkspace.Domain.Medicines;

/// <summary>A check's alert that the prescriber overrode: which rule, how serious, the written reason, by whom and when.</summary>
public sealed class MedicationAlertOverride
{
    public Guid Id { get; private set; } = Guid.NewGuid();
    public MedicationAlertKind Kind { get; private set; }
    public AlertSeverity Severity { get; private set; }
    public string RuleId { get; private set; } = "";
    public string Reason { get; private set; } = "";
    public string OverriddenBy { get; private set; } = "";
    public DateTimeOffset OverriddenAt { get; private set; }

    private MedicationAlertOverride() { }

    internal MedicationAlertOverride(MedicationAlertKind kind, AlertSeverity severity, string ruleId, string reason, ChangeStamp stamp)
    {
        Kind = kind;
        Severity = severity;
        RuleId = Guard.Required(ruleId, "Rule id", MedicationEntry.ShortTextMaxLength);
        Reason = reason;
        OverriddenBy = Guard.Required(stamp.ByName, "Changed by", MedicationEntry.DrugNameMaxLength);
        OverriddenAt = stamp.At.ToUniversalTime();
    }
}
