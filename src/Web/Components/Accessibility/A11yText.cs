namespace CareWorkspace.Web.Components.Accessibility;

/// <summary>
/// Texts that only assistive technology hears (labels without a visible twin, live announcements), in one place so
/// that they are translated together with the rest (they move to the resource files with the localisation work).
/// </summary>
public static class A11yText
{
    public const string MessageThreads = "Message threads";

    public static string ChangedCareTeam(string name) => $"{name} changed the care team";

    public static string ChangedRelatives(string name) => $"{name} changed the relatives";

    public static string ChangedPatientDetails(string name) => $"{name} changed the patient's details";

    public static string ChangedConditions(string name) => $"{name} changed the conditions";

    public static string ChangedConsents(string name) => $"{name} changed the consents";

    public static string WroteMessage(string name) => $"{name} wrote a message";
}
