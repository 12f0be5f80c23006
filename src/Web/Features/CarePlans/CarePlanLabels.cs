using System.Globalization;
using CareWorkspace.Domain.CarePlans;
using CareWorkspace.Web.Localization;
using Microsoft.Extensions.Localization;

namespace CareWorkspace.Web.Features.CarePlans;

/// <summary>The words for a plan's statuses, goal achievements, comparators, activity statuses and history lines.</summary>
public static class CarePlanLabels
{
    private static IStringLocalizer L => StaticText.For(typeof(CarePlanLabels));

    public static string For(CarePlanStatus status) => status switch
    {
        CarePlanStatus.Draft => L["Draft"],
        CarePlanStatus.Active => L["Active"],
        CarePlanStatus.Completed => L["Completed"],
        CarePlanStatus.Revoked => L["Revoked"],
        _ => status.ToString(),
    };

    /// <summary>The button that moves a plan to the status.</summary>
    public static string MoveTo(CarePlanStatus status) => status switch
    {
        CarePlanStatus.Active => L["Activate"],
        CarePlanStatus.Completed => L["Complete"],
        CarePlanStatus.Revoked => L["Revoke"],
        _ => For(status),
    };

    public static string For(GoalAchievement achievement) => achievement switch
    {
        GoalAchievement.InProgress => L["In progress"],
        GoalAchievement.Improving => L["Improving"],
        GoalAchievement.Worsening => L["Worsening"],
        GoalAchievement.Achieved => L["Achieved"],
        GoalAchievement.NotAchieved => L["Not achieved"],
        _ => achievement.ToString(),
    };

    public static string For(GoalComparator comparator) => comparator switch
    {
        GoalComparator.AtMost => L["at most"],
        GoalComparator.AtLeast => L["at least"],
        GoalComparator.Exactly => L["exactly"],
        _ => comparator.ToString(),
    };

    public static string For(ActivityStatus status) => status switch
    {
        ActivityStatus.NotStarted => L["Not started"],
        ActivityStatus.Scheduled => L["Scheduled"],
        ActivityStatus.InProgress => L["In progress"],
        ActivityStatus.OnHold => L["On hold"],
        ActivityStatus.Completed => L["Completed"],
        ActivityStatus.Cancelled => L["Cancelled"],
        _ => status.ToString(),
    };

    /// <summary>"HbA1c at most 53 mmol/mol": the measure and its target in the reader's language and number format.</summary>
    public static string Target(string measure, GoalComparator comparator, decimal target, string unit) =>
        $"{measure} {For(comparator)} {target.ToString("0.####", CultureInfo.CurrentCulture)} {unit}";

    /// <summary>One line of a version's summary.</summary>
    public static string For(CarePlanChange change) => change.Kind switch
    {
        CarePlanChangeKind.Created => L["Plan created: {0}", change.Subject ?? ""],
        CarePlanChangeKind.DetailsChanged => L["Title, conditions or period changed"],
        CarePlanChangeKind.StatusChanged => L["Status changed to {0}", Enum.TryParse<CarePlanStatus>(change.Value, out var s) ? For(s) : change.Value ?? ""],
        CarePlanChangeKind.GoalAdded => L["Goal added: {0}", change.Subject ?? ""],
        CarePlanChangeKind.GoalChanged => L["Goal changed: {0}", change.Subject ?? ""],
        CarePlanChangeKind.GoalRemoved => L["Goal removed: {0}", change.Subject ?? ""],
        CarePlanChangeKind.GoalAgreed => L["Goal agreed with the patient: {0}", change.Subject ?? ""],
        CarePlanChangeKind.GoalAgreementWithdrawn => L["Agreement withdrawn (the target changed): {0}", change.Subject ?? ""],
        CarePlanChangeKind.GoalAchievementChanged => L["{0}: {1}", change.Subject ?? "",
            Enum.TryParse<GoalAchievement>(change.Value, out var a) ? For(a) : change.Value ?? ""],
        CarePlanChangeKind.ActivityAdded => L["Activity added: {0}", change.Subject ?? ""],
        CarePlanChangeKind.ActivityChanged => L["Activity changed: {0}", change.Subject ?? ""],
        CarePlanChangeKind.ActivityRemoved => L["Activity removed: {0}", change.Subject ?? ""],
        CarePlanChangeKind.NoteAdded => L["Note added: {0}", change.Subject ?? ""],
        CarePlanChangeKind.MeasurementAdded => L["Measurement to follow added: {0}", change.Subject ?? ""],
        CarePlanChangeKind.MeasurementChanged => L["Measurement to follow changed: {0}", change.Subject ?? ""],
        CarePlanChangeKind.MeasurementRemoved => L["Measurement to follow removed: {0}", change.Subject ?? ""],
        _ => change.Kind.ToString(),
    };
}
