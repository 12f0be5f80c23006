using CareWorkspace.Web.Features.Triage;

namespace CareWorkspace.Web.Features.TriageBoard;

/// <summary>The words for a change-form item on the board: the triage feature's own labels.</summary>
public static class TriageItemNames
{
    public static string For(string key) => TriageLabels.Item(key);
}
