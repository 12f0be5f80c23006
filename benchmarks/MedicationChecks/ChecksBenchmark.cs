using System.Globalization;
using BenchmarkDotNet.Attributes;
using CareWorkspace.Domain.Medicines.Checks;
using CareWorkspace.Infrastructure.Medicines;

namespace CareWorkspace.MedicationChecksBenchmark;

[MemoryDiagnoser]
public class ChecksBenchmark
{
    private static readonly CultureInfo Danish = CultureInfo.GetCultureInfo("da-DK");

    private MedicationRules _rules = MedicationRules.None;
    private MedicationChecks _checks = null!;
    private List<CheckedDrug> _patient = [];
    private CheckedDrug _prescribed = null!;

    [Params(5_000)]
    public int Rules { get; set; }

    [Params(30)]
    public int Drugs { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var shipped = MedicationRuleFiles.Load(Path.Combine(AppContext.BaseDirectory, MedicationRuleFiles.DefaultFolder));
        _rules = GeneratedRules.With(shipped, Rules, seed: 13);
        _checks = new MedicationChecks(_rules);
        _patient = GeneratedRules.Patient(Drugs, seed: 7);
        _prescribed = new CheckedDrug("Ibuprofen", "M01AE01", 1200m, "mg");
        Console.WriteLine($"// {_rules.Interactions.Count} rules; the list raises {_checks.CheckList(_patient, Danish).Count} alerts, " +
            $"a prescription {_checks.Check(_prescribed, _patient, Danish).Count}");
    }

    /// <summary>Prescribing one drug: it against each of the 30 on the list, and its dose.</summary>
    [Benchmark]
    public int PrescribeOneDrug() => _checks.Check(_prescribed, _patient, Danish).Count;

    /// <summary>The list view: every pair of the 30 drugs (435 pairs) and each one's dose.</summary>
    [Benchmark]
    public int CheckTheWholeList() => _checks.CheckList(_patient, Danish).Count;

    /// <summary>Indexing the rule set (once at start-up).</summary>
    [Benchmark]
    public MedicationChecks IndexTheRules() => new(_rules);
}
