using System.Text.RegularExpressions;

namespace CareWorkspace.Web.Components.Layout;

/// <summary>A pathway's address (<c>patients/{id}</c> or <c>patients/{id}/{section}</c>), relative to the app's base.</summary>
public static partial class PathwayAddress
{
    public static bool Matches(string relativePath) => Pattern().IsMatch(relativePath);

    [GeneratedRegex(@"^patients/[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}(/[^/?#]*)?([?#].*)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
