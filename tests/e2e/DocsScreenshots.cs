namespace CareWorkspace.E2ETests;

/// <summary>
/// Copies a test screenshot into docs/images (or a subfolder named in the name, such as da/), only when asked with UPDATE_DOCS_SCREENSHOTS=1,
/// so that an ordinary test run leaves the working tree clean.
/// </summary>
internal static class DocsScreenshots
{
    public static void Publish(string screenshot, string name)
    {
        if (Environment.GetEnvironmentVariable("UPDATE_DOCS_SCREENSHOTS") != "1")
            return;
        var target = Path.Combine(RepositoryRoot.Path, "docs", "images", name);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Copy(screenshot, target, overwrite: true);
    }
}
