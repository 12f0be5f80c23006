using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace CareWorkspace.UnitTests.Localization;

/// <summary>
/// Nothing is left untranslated: every text has an English and a Danish version, and translated folders show no
/// literal text. See docs/architecture.md, "Languages".
/// </summary>
public sealed partial class TranslationCompletenessTests
{
    private static readonly string Root = RepositoryRoot();

    public static TheoryData<string> ResourceFiles() => [.. ResxFiles().Select(Relative)];

    public static TheoryData<string> TranslatedRazorFiles() =>
        [.. TranslationFolders.Translated.SelectMany(RazorFilesIn).Select(Relative)];

    [Theory]
    [MemberData(nameof(ResourceFiles))]
    public void ResourceFile_HasTwinInTheOtherLanguage_WithTheSameKeys(string file)
    {
        var isDanish = file.EndsWith(".da.resx", StringComparison.Ordinal);
        var twin = isDanish ? file[..^".da.resx".Length] + ".resx" : file[..^".resx".Length] + ".da.resx";
        Assert.True(File.Exists(Path.Combine(Root, twin)), $"{file} has no {(isDanish ? "English" : "Danish")} twin {twin}");

        var texts = Texts(file);
        var twinTexts = Texts(twin);
        var problems = texts.Keys.Except(twinTexts.Keys).Select(k => $"\"{k}\" is missing in {twin}")
            .Concat(texts.Where(t => string.IsNullOrWhiteSpace(t.Value)).Select(t => $"\"{t.Key}\" is empty in {file}"))
            .Concat(texts.Keys.Intersect(twinTexts.Keys)
                .Where(k => !Placeholders(texts[k]).SetEquals(Placeholders(twinTexts[k])))
                .Select(k => $"\"{k}\" has placeholders {string.Join(",", Placeholders(texts[k]))} in {file} " +
                             $"but {string.Join(",", Placeholders(twinTexts[k]))} in {twin}"))
            .ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void ResourceFiles_AreOnlyEnglishAndDanish()
    {
        var others = ResxFiles().Select(Relative)
            .Where(f => OtherCulture().IsMatch(f) && !f.EndsWith(".da.resx", StringComparison.Ordinal))
            .ToList();
        Assert.True(others.Count == 0, "English is X.resx, Danish X.da.resx; no other files: " + string.Join(", ", others));
    }

    [Theory]
    [MemberData(nameof(TranslatedRazorFiles))]
    public void TranslatedRazorFile_HasNoLiteralText(string file)
    {
        var literals = RazorLiteralScanner.Scan(File.ReadAllText(Path.Combine(Root, file)));
        Assert.True(literals.Count == 0,
            $"{file} shows text that is not in a resource file (use @L[\"…\"]):\n" +
            string.Join("\n", literals.Select(l => $"  line {l.Line}: {l.Text}")));
    }

    [Fact]
    public void EveryUiFolder_IsListedAsTranslatedOrNotYet()
    {
        var listed = TranslationFolders.Translated.Concat(TranslationFolders.NotYetTranslated).ToList();
        var unlisted = Directory.EnumerateFiles(Path.Combine(Root, "src", "Web"), "*.razor", SearchOption.AllDirectories)
            .Select(Relative)
            .Where(f => !f.Contains("/bin/", StringComparison.Ordinal) && !f.Contains("/obj/", StringComparison.Ordinal))
            .Where(f => !Path.GetFileName(f).StartsWith('_'))
            .Where(f => !listed.Any(folder => f.StartsWith(folder + "/", StringComparison.Ordinal)))
            .ToList();
        Assert.True(unlisted.Count == 0, "Add these files' folders to TranslationFolders: " + string.Join(", ", unlisted));
        Assert.Empty(TranslationFolders.Translated.Intersect(TranslationFolders.NotYetTranslated));
    }

    private static IEnumerable<string> ResxFiles() =>
        Directory.EnumerateFiles(Path.Combine(Root, "src"), "*.resx", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

    private static IEnumerable<string> RazorFilesIn(string folder) =>
        Directory.EnumerateFiles(Path.Combine(Root, folder), "*.razor", SearchOption.AllDirectories)
            .Where(f => !Path.GetFileName(f).StartsWith('_'))
            .Order(StringComparer.Ordinal);

    private static Dictionary<string, string> Texts(string file) =>
        XDocument.Load(Path.Combine(Root, file)).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "");

    private static HashSet<string> Placeholders(string text) => [.. Placeholder().Matches(text).Select(m => m.Value)];

    private static string Relative(string path) => Path.GetRelativePath(Root, path).Replace('\\', '/');

    [GeneratedRegex(@"\{[0-9a-z_]+(?:[:,][^}]*)?\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"\.[a-z]{2}(-[A-Z]{2})?\.resx$")]
    private static partial Regex OtherCulture();

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CareWorkspace.sln")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Repository root not found.");
    }
}
