using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace CareWorkspace.UnitTests.Localization;

/// <summary>
/// Every sentence the domain and the services show the user (<c>new DomainException("…")</c>, access refusals, the
/// field names the domain's checks put into them) has its English and Danish text in src/Web/Resources/DomainText.
/// </summary>
public sealed partial class DomainTextCoverageTests
{
    private const string Literal = "\"((?:[^\"\\\\]|\\\\.)*)\"";

    /// <summary>
    /// Interpolated messages cannot be translated (the values are baked into the sentence); use a template with values.
    /// Listed here only where another team owns the file; remove an entry when it is fixed.
    /// </summary>
    private static readonly string[] InterpolatedAllowedIn = [];

    private static readonly Regex[] UserSentences =
    [
        new(@"new DomainException\(\s*" + Literal),
        new(@"new PatientAccessDeniedException\(\s*" + Literal),
        new(@"AccessDecision\.Deny\(\s*" + Literal),
        new(@"Guard\.(?:Required|Optional)\([^,()]+,\s*" + Literal),
        new(@"RefuseAsync\([^;]*?" + Literal + @",\s*ct\)"),
        new("\"(The role \\{0\\} [^\"]+)\""),
    ];

    public static TheoryData<string> Languages() => ["DomainText.resx", "DomainText.da.resx"];

    [Theory]
    [MemberData(nameof(Languages))]
    public void EveryDomainSentence_HasATextInDomainText(string resourceFile)
    {
        var keys = XDocument.Load(Path.Combine(Root, "src", "Web", "Resources", resourceFile)).Root!.Elements("data")
            .Select(d => (string)d.Attribute("name")!).ToHashSet(StringComparer.Ordinal);

        var missing = Sentences().Where(s => !keys.Contains(s.Text)).Select(s => $"  {s.File}: \"{s.Text}\"").Distinct().ToList();

        Assert.True(missing.Count == 0,
            $"Add these to src/Web/Resources/DomainText (python3 scripts/add-text.py src/Web/Resources/DomainText \"English\" \"Dansk\"):\n" +
            string.Join("\n", missing));
    }

    /// <summary>A reason pushed to another person's sessions is worded by the signed-out notice in that person's language.</summary>
    [Theory]
    [MemberData(nameof(SessionGuardLanguages))]
    public void EveryRevocationReason_HasATextInTheSignedOutNotice(string resourceFile)
    {
        var keys = XDocument.Load(Path.Combine(Root, "src", "Web", "Security", resourceFile)).Root!.Elements("data")
            .Select(d => (string)d.Attribute("name")!).ToHashSet(StringComparer.Ordinal);
        var reasons = SourceFiles().Concat(SourceFiles("*.razor"))
            .SelectMany(f => new Regex(@"(?:RevokeAsync\([^,;]+,|\.End\(|new SessionEnd\()\s*" + Literal).Matches(f.Text)
                .Select(m => (f.Relative, Text: Regex.Unescape(m.Groups[1].Value))))
            .ToList();

        Assert.Contains(reasons, r => r.Text == "Your password was changed.");
        var missing = reasons.Where(r => !keys.Contains(r.Text)).Select(r => $"  {r.Relative}: \"{r.Text}\"").ToList();
        Assert.True(missing.Count == 0, $"Add these to src/Web/Security/SessionGuard:\n" + string.Join("\n", missing));
    }

    public static TheoryData<string> SessionGuardLanguages() => ["SessionGuard.resx", "SessionGuard.da.resx"];

    [Fact]
    public void DomainSentences_AreTemplatesWithValues_NotInterpolated()
    {
        var interpolated = SourceFiles()
            .Where(f => !InterpolatedAllowedIn.Contains(f.Relative))
            .SelectMany(f => Interpolated().Matches(f.Text).Select(m => $"  {f.Relative}: {m.Value}"))
            .ToList();

        Assert.True(interpolated.Count == 0,
            "Write new DomainException(\"{0} is …\", value) instead of an interpolated string, so it can be translated:\n" +
            string.Join("\n", interpolated));
    }

    [Fact]
    public void TheScan_FindsTheKnownSentences()
    {
        var found = Sentences().Select(s => s.Text).ToHashSet();

        Assert.Contains("'{0}' is not a Danish postal code: it must be four digits.", found);
        Assert.Contains("The user's organisation is not on the patient's care team.", found);
        Assert.Contains("This message thread is not shared with you.", found);
        Assert.Contains("The role {0} may not read {1}.", found);
        Assert.Contains("Postal code", found);
        Assert.Contains("Staff changing a consent on the patient's behalf must give the reason (e.g. \"At the patient's request by phone\").", found);
    }

    private static IEnumerable<(string File, string Text)> Sentences() =>
        SourceFiles().SelectMany(f => UserSentences.SelectMany(r => r.Matches(f.Text))
            .Select(m => (f.Relative, Regex.Unescape(m.Groups[1].Value))));

    private static IEnumerable<(string Relative, string Text)> SourceFiles(string pattern = "*.cs") =>
        Directory.EnumerateFiles(Path.Combine(Root, "src"), pattern, SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(f => (Path.GetRelativePath(Root, f).Replace('\\', '/'), File.ReadAllText(f)));

    [GeneratedRegex(@"new (?:DomainException|PatientAccessDeniedException)\(\s*\$""[^""]*""")]
    private static partial Regex Interpolated();

    private static readonly string Root = RepositoryRoot();

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CareWorkspace.sln")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Repository root not found.");
    }
}
