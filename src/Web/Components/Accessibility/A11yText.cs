namespace CareWorkspace.Web.Components.Accessibility;

/// <summary>
/// Texts that only assistive technology hears (labels without a visible twin, live announcements), in one place so
/// that they are translated together with the rest (they move to the resource files with the localisation work).
/// </summary>
public static class A11yText
{
    public const string MessageThreads = "Message threads";
}
