using CareWorkspace.Infrastructure.Medicines;
using CareWorkspace.Infrastructure.Persistence;
using CareWorkspace.IntegrationTests.Infrastructure;

namespace CareWorkspace.IntegrationTests;

/// <summary>A medication rule file with a typo stops the app at start-up, and the message names the file and the line.</summary>
public sealed class MedicationRuleStartupTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("cw-rules-").FullName;

    [Fact]
    public void A_rule_file_with_an_unknown_severity_stops_start_up_naming_the_file_and_the_line()
    {
        var shipped = Path.Combine(AppContext.BaseDirectory, MedicationRuleFiles.DefaultFolder);
        File.Copy(Path.Combine(shipped, MedicationRuleFiles.MaximumDosesFile), Path.Combine(_folder, MedicationRuleFiles.MaximumDosesFile));
        var lines = File.ReadAllLines(Path.Combine(shipped, MedicationRuleFiles.InteractionsFile));
        var warfarin = Array.FindIndex(lines, l => l.StartsWith("warfarin-nsaid\t", StringComparison.Ordinal));
        lines[warfarin] = lines[warfarin].Replace("\tMajor\t", "\tSevere\t", StringComparison.Ordinal);
        File.WriteAllLines(Path.Combine(_folder, MedicationRuleFiles.InteractionsFile), lines);
        using var app = new CareAppFactory(DatabaseProvider.Sqlite, new Dictionary<string, string?> { ["Medicines:RuleFolder"] = _folder });

        var ex = Assert.ThrowsAny<Exception>(() => app.Services);

        var broken = Assert.IsType<MedicationRuleFileException>(Innermost(ex));
        Assert.Equal($"Medication rule file 'interactions.tsv' line {warfarin + 1}: 'Severe' is not a severity; write Minor, Moderate or Major.", broken.Message);
    }

    private static Exception Innermost(Exception ex)
    {
        while (ex is not MedicationRuleFileException && ex.InnerException is { } inner)
            ex = inner;
        return ex;
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
