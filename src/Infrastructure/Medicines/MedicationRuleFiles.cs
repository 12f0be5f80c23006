using System.Globalization;
using CareWorkspace.Domain.CarePlans;
using CareWorkspace.Domain.Common;
using CareWorkspace.Domain.Medicines.Checks;

namespace CareWorkspace.Infrastructure.Medicines;

/// <summary>
/// The medication rule set, read once at start-up from the data files in the repository (<c>Medicines/Rules/*.tsv</c>,
/// copied to the output): <see cref="InteractionsFile"/> and <see cref="MaximumDosesFile"/>. A line with a bad ATC code, an
/// unknown severity, a missing column or any other typo stops start-up with a message naming the file and the line.
/// </summary>
public static class MedicationRuleFiles
{
    public const string DefaultFolder = "Medicines/Rules";
    public const string InteractionsFile = "interactions.tsv";
    public const string MaximumDosesFile = "maximum-doses.tsv";

    public static readonly IReadOnlyList<string> InteractionColumns = ["Id", "First", "Second", "Severity", "AdviceEn", "AdviceDa", "Source"];
    public static readonly IReadOnlyList<string> MaximumDoseColumns = ["Id", "Atc", "MaximumDaily", "Unit", "AdviceEn", "AdviceDa", "Source"];

    /// <summary>Reads both files of the folder; throws <see cref="MedicationRuleFileException"/> naming the file and line.</summary>
    public static MedicationRules Load(string folder)
    {
        if (!Directory.Exists(folder))
            throw new MedicationRuleFileException($"The medication rule folder '{folder}' does not exist.");
        return new MedicationRules(ReadInteractions(Path.Combine(folder, InteractionsFile)), ReadMaximumDoses(Path.Combine(folder, MaximumDosesFile)));
    }

    public static IReadOnlyList<InteractionRule> ReadInteractions(string file) =>
        Unique(RuleTable.Read(Existing(file), InteractionColumns).Select(row => (row, Rule: Build(row, () =>
            new InteractionRule(row["Id"], row["First"], row["Second"], Severity(row), Advice(row), row["Source"])))), r => r.Id);

    public static IReadOnlyList<MaximumDoseRule> ReadMaximumDoses(string file) =>
        Unique(RuleTable.Read(Existing(file), MaximumDoseColumns).Select(row => (row, Rule: Build(row, () =>
            new MaximumDoseRule(row["Id"], row["Atc"], Amount(row), UcumUnit.Parse(row["Unit"]), Advice(row), row["Source"])))), r => r.Id);

    private static string Existing(string file) => File.Exists(file)
        ? file
        : throw new MedicationRuleFileException($"The medication rule file '{file}' does not exist.");

    private static T Build<T>(RuleRow row, Func<T> build)
    {
        try
        {
            return build();
        }
        catch (DomainException ex)
        {
            throw row.Error(ex.Message, ex);
        }
    }

    private static List<T> Unique<T>(IEnumerable<(RuleRow Row, T Rule)> rows, Func<T, string> id)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var rules = new List<T>();
        foreach (var (row, rule) in rows)
        {
            if (!seen.TryAdd(id(rule), row.Line))
                throw row.Error($"the rule id '{id(rule)}' is already used on line {seen[id(rule)]}.");
            rules.Add(rule);
        }
        return rules;
    }

    private static AlertSeverity Severity(RuleRow row) =>
        Enum.GetNames<AlertSeverity>().Contains(row["Severity"], StringComparer.Ordinal)
            ? Enum.Parse<AlertSeverity>(row["Severity"])
            : throw row.Error($"'{row["Severity"]}' is not a severity; write Minor, Moderate or Major.");

    private static decimal Amount(RuleRow row) =>
        decimal.TryParse(row["MaximumDaily"], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount)
            ? amount
            : throw row.Error($"'{row["MaximumDaily"]}' is not an amount; write it with a decimal point, e.g. 2400 or 0.25.");

    private static LocalisedText Advice(RuleRow row) => new(row["AdviceEn"], row["AdviceDa"]);
}
