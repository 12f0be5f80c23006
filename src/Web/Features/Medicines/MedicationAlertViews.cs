using CareWorkspace.Domain.Medicines;
using CareWorkspace.Domain.Medicines.Checks;
using CareWorkspace.Web.Resources;

namespace CareWorkspace.Web.Features.Medicines;

/// <summary>The checks' alerts and overrides as the screen shows them, the explanation worded in the reader's language.</summary>
public static class MedicationAlertViews
{
    public static MedicationAlertView From(MedicationAlert alert) =>
        new(alert.Kind, alert.Severity, alert.RuleId, DomainText.Format(alert.Why, alert.Arguments), alert.Advice, alert.Literature);

    public static MedicationOverrideView From(MedicationAlertOverride o) => new(o.Kind, o.Severity, o.RuleId, o.Reason, o.OverriddenBy, o.OverriddenAt);

    /// <summary>A drug as the checks see it.</summary>
    public static CheckedDrug Checked(MedicationEntry entry) => new(entry.DrugName, entry.AtcCode, entry.DailyDoseAmount, entry.DailyDoseUnit, entry.Id);
}
