namespace CareWorkspace.UnitTests.NationalSync;

/// <summary>The national example resources kept with the tests (tests/national-examples, copied from the shared folder; sources in its PROVENANCE.md).</summary>
internal static class NationalExamples
{
    public const string WithR5Element = "dk-ehealth-ig-api/Appointment-noid-POST_Group_Appointment-0.json";

    public static string Folder
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "CareWorkspace.sln")))
                    return Path.GetFullPath(Path.Combine(dir.FullName, "tests", "national-examples"));
            }
            throw new DirectoryNotFoundException("CareWorkspace.sln not found above the test assembly.");
        }
    }

    public static IEnumerable<string> All() =>
        Directory.EnumerateFiles(Folder, "*.json", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(Folder, f).Replace('\\', '/')).Order(StringComparer.Ordinal);

    public static string Read(string relativePath) => File.ReadAllText(Path.Combine(Folder, relativePath));
}
