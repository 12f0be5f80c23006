using CareWorkspace.Web.Localization;
using Microsoft.Extensions.Localization;

namespace CareWorkspace.Web.Components.Accessibility;

/// <summary>
/// Texts that only assistive technology hears (labels without a visible twin, live announcements), in the reader's
/// language from <c>A11yText(.da).resx</c>.
/// </summary>
public static class A11yText
{
    public static string MessageThreads => Text["Message threads"];

    public static string ChangedCareTeam(string name) => Text["{0} changed the care team", name];

    public static string ChangedRelatives(string name) => Text["{0} changed the relatives", name];

    public static string ChangedPatientDetails(string name) => Text["{0} changed the patient's details", name];

    public static string ChangedConditions(string name) => Text["{0} changed the conditions", name];

    public static string ChangedConsents(string name) => Text["{0} changed the consents", name];

    public static string ChangedCalendar(string name) => Text["{0} changed the calendar", name];

    public static string ChangedCarePlan(string name) => Text["{0} changed the care plan", name];
    public static string ChangedRehabilitation(string name) => Text["{0} changed the rehabilitation plan or logged training", name];

    public static string ChangedTriage(string name) => Text["{0} recorded a change or changed the triage", name];

    public static string ChangedMedication(string name) => Text["{0} changed the medication", name];
    public static string NewMeasurements(string name) => Text["{0} brought new home measurements", name];

    public static string WroteMessage(string name) => Text["{0} wrote a message", name];

    private static IStringLocalizer Text => StaticText.For(typeof(A11yText));
}
