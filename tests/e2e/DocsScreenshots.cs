namespace CareWorkspace.E2ETests;

/// <summary>
/// Copies a test screenshot into docs/images, only when asked with UPDATE_DOCS_SCREENSHOTS=1,
/// so that an ordinary test run leaves the working tree clean.
/// </summary>
internal static class DocsScreenshots
{
    public static void Publish(string screenshot, string name)
    {
        if (Environment.GetEnvironmentVariable("UPDATE_DOCS_SCREENSHOTS") != "1")
            return;
        var docsImages = Path.Combine(RepositoryRoot.Path, "docs", "images");
        Directory.CreateDirectory(docsImages);
        File.Copy(screenshot, Path.Combine(docsImages, name), overwrite: true);
    }
}
