using CareWorkspace.Domain.CarePlans;
using CareWorkspace.Domain.Medicines.Checks;

namespace CareWorkspace.MedicationChecksBenchmark;

/// <summary>
/// A rule set the size of a national interaction database: the shipped rules plus generated ones between real-shaped ATC
/// codes and classes (levels 3, 4 and 5), and a patient list drawn from the same codes so that many rules do match.
/// </summary>
internal static class GeneratedRules
{
    private const string Groups = "ABCDGHJLMNPRSV";

    public static MedicationRules With(MedicationRules shipped, int interactions, int seed)
    {
        var random = new Random(seed);
        var rules = new List<InteractionRule>(shipped.Interactions);
        var advice = new LocalisedText("Generated advice for the benchmark.", "Genereret råd til benchmark.");
        for (var i = rules.Count; i < interactions; i++)
            rules.Add(new InteractionRule($"generated-{i}", Pattern(random), Pattern(random), (AlertSeverity)(i % 3), advice, "Benchmark"));
        return shipped with { Interactions = rules };
    }

    public static List<CheckedDrug> Patient(int drugs, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, drugs).Select(i => new CheckedDrug($"Drug {i}", Substance(random), 100m, "mg", Guid.NewGuid()))];
    }

    public static string Substance(Random random) =>
        $"{Groups[random.Next(Groups.Length)]}{random.Next(1, 6):00}{(char)('A' + random.Next(3))}{(char)('A' + random.Next(4))}{random.Next(1, 6):00}";

    private static string Pattern(Random random)
    {
        var code = Substance(random);
        return random.Next(4) switch
        {
            0 => code[..3],
            1 => code[..4],
            2 => code[..5],
            _ => code,
        };
    }
}
