using CareWorkspace.Domain.Common;
using CareWorkspace.Domain.Medicines;
using CareWorkspace.Domain.Medicines.Checks;
using CareWorkspace.Web.Localization;
using Microsoft.Extensions.Localization;

namespace CareWorkspace.Web.Features.Medicines;

/// <summary>The words of the medication list: the groups, the source and how fresh it is, the period of a medication.</summary>
public static class MedicationLabels
{
    private static IStringLocalizer L => StaticText.For(typeof(MedicationLabels));

    public static string Group(MedicationStatus status) => status switch
    {
        MedicationStatus.Active => L["Active"],
        MedicationStatus.Paused => L["Paused"],
        MedicationStatus.Stopped => L["Stopped"],
        _ => status.ToString(),
    };

    public static string Source(MedicationSource source) => source switch
    {
        MedicationSource.NationalRecord => L["Shared Medication Record"],
        MedicationSource.Local => L["Recorded in CareWorkspace"],
        _ => source.ToString(),
    };

    public static string Kind(MedicationAlertKind kind) => kind switch
    {
        MedicationAlertKind.Allergy => L["Allergy"],
        MedicationAlertKind.Interaction => L["Interaction"],
        MedicationAlertKind.DuplicateTherapy => L["Duplicate therapy"],
        MedicationAlertKind.MaximumDose => L["Dose above maximum"],
        _ => kind.ToString(),
    };

    /// <summary>A dose as one line: "2 tablets 3 times a day · 500 mg · 3000 mg a day" (the parts that are known).</summary>
    public static string Dose(DoseView dose) => string.Join(" · ", new[]
    {
        dose.Text,
        dose.Strength,
        dose.DailyAmount is { } amount ? L["{0} {1} a day", amount.ToString("0.####", System.Globalization.CultureInfo.CurrentCulture), dose.DailyUnit ?? ""].Value : null,
    }.Where(s => !string.IsNullOrWhiteSpace(s)));

    public static string Severity(AlertSeverity severity) => severity switch
    {
        AlertSeverity.Minor => L["Minor"],
        AlertSeverity.Moderate => L["Moderate"],
        AlertSeverity.Major => L["Major"],
        _ => severity.ToString(),
    };

    /// <summary>"from the Shared Medication Record · synced 10:42" (the date too when it was not today, Copenhagen time).</summary>
    public static string SyncedFrom(DateTimeOffset syncedAt, DateOnly today) => L["From the Shared Medication Record · synced {0}", When(syncedAt, today)];

    /// <summary>The section's warning while the record cannot be read.</summary>
    public static string NotUpdatedSince(DateTimeOffset? syncedAt, DateOnly today) => syncedAt is { } at
        ? L["Not updated since {0}: the Shared Medication Record cannot be reached right now.", When(at, today)]
        : L["Not updated yet: the Shared Medication Record cannot be reached right now."];

    public static string Period(DateOnly? start, DateOnly? end) => (start, end) switch
    {
        ({ } from, { } to) => L["{0} to {1}", CareFormat.Date(from), CareFormat.Date(to)],
        ({ } from, null) => L["Since {0}", CareFormat.Date(from)],
        (null, { } to) => L["Until {0}", CareFormat.Date(to)],
        _ => "",
    };

    private static string When(DateTimeOffset at, DateOnly today) =>
        CopenhagenTime.DateOf(at) == today ? CareFormat.Time(at) : CareFormat.DateTime(at);
}
