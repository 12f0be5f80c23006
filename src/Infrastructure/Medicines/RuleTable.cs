namespace CareWorkspace.Infrastructure.Medicines;

/// <summary>
/// A tab-separated rule file: lines starting with <c>#</c> and blank lines are comments, the first other line is the header
/// and must name exactly the expected columns, and every row has one cell per column. Lines are counted from 1, as an
/// editor counts them.
/// </summary>
internal static class RuleTable
{
    public static IEnumerable<RuleRow> Read(string file, IReadOnlyList<string> columns)
    {
        var name = Path.GetFileName(file);
        var lines = File.ReadAllLines(file);
        var header = false;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (string.IsNullOrWhiteSpace(line) || line.TrimStart().StartsWith('#'))
                continue;
            var cells = line.Split('\t').Select(c => c.Trim()).ToArray();
            if (!header)
            {
                if (!cells.SequenceEqual(columns, StringComparer.Ordinal))
                    throw new MedicationRuleFileException(
                        $"Medication rule file '{name}' line {i + 1}: the header must be the columns {string.Join(", ", columns)} separated by tabs, but was {string.Join(", ", cells)}.");
                header = true;
                continue;
            }
            if (cells.Length != columns.Count)
                throw new MedicationRuleFileException(
                    $"Medication rule file '{name}' line {i + 1}: {cells.Length} columns, but the header has {columns.Count} ({string.Join(", ", columns)}). Separate the columns with tabs.");
            var missing = Array.FindIndex(cells, string.IsNullOrEmpty);
            if (missing >= 0)
                throw new MedicationRuleFileException($"Medication rule file '{name}' line {i + 1}: the column {columns[missing]} is empty.");
            yield return new RuleRow(name, i + 1, cells, columns);
        }
        if (!header)
            throw new MedicationRuleFileException($"Medication rule file '{name}' has no header line ({string.Join(", ", columns)}).");
    }
}

/// <summary>One rule line of a rule file, its cells by column name.</summary>
internal sealed record RuleRow(string File, int Line, string[] Cells, IReadOnlyList<string> Columns)
{
    public string this[string column] => Cells[Columns.ToList().IndexOf(column)];

    public MedicationRuleFileException Error(string what, Exception? inner = null) =>
        new($"Medication rule file '{File}' line {Line}: {what}", inner);
}
