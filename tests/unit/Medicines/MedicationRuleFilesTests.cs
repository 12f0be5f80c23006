using CareWorkspace.Domain.Medicines.Checks;
using CareWorkspace.Infrastructure.Medicines;

namespace CareWorkspace.UnitTests.Medicines;

public sealed class MedicationRuleFilesTests : IDisposable
{
    private const string InteractionHeader = "Id\tFirst\tSecond\tSeverity\tAdviceEn\tAdviceDa\tSource\n";
    private const string DoseHeader = "Id\tAtc\tMaximumDaily\tUnit\tAdviceEn\tAdviceDa\tSource\n";

    private readonly string _folder = Directory.CreateTempSubdirectory("medication-rules-").FullName;

    private static string Shipped => Path.Combine(AppContext.BaseDirectory, MedicationRuleFiles.DefaultFolder);

    [Fact]
    public void TheShippedRuleFiles_ParseWithTheWellKnownRules()
    {
        var rules = MedicationRuleFiles.Load(Shipped);

        Assert.InRange(rules.Interactions.Count, 20, 60);
        var warfarin = Assert.Single(rules.Interactions, r => r.Id == "warfarin-nsaid");
        Assert.Equal(("B01AA03", "M01A", AlertSeverity.Major), (warfarin.First, warfarin.Second, warfarin.Severity));
        Assert.Contains("interaktionsdatabasen.dk", warfarin.Source, StringComparison.Ordinal);
        Assert.Contains(rules.Interactions, r => r is { First: "C09A", Second: "C03D" });
        Assert.Contains(rules.Interactions, r => r is { First: "C10AA01", Second: "J01FA09" });
        Assert.Contains(rules.Interactions, r => r is { First: "N06AB", Second: "N02AX02" });
        Assert.All(rules.Interactions, r => Assert.NotEqual(r.Advice.En, r.Advice.Da));
        var paracetamol = Assert.Single(rules.MaximumDoses, r => r.Atc == "N02BE01");
        Assert.Equal((4m, "g"), (paracetamol.MaximumDaily, paracetamol.Unit.Code));
        Assert.Contains(rules.MaximumDoses, r => r is { Atc: "M01AE01", MaximumDaily: 2400m });
    }

    [Fact]
    public void ABadAtcCode_IsRefusedNamingTheFileAndTheLine()
    {
        var ex = Interactions("# comment\n\n" + InteractionHeader + Row("a", "B01AA03", "M01A") + Row("b", "X01AA03", "M01A"));

        Assert.Contains("'interactions.tsv' line 5", ex.Message);
        Assert.Contains("'X01AA03' is not a known ATC code", ex.Message);
    }

    [Fact]
    public void AnUnknownSeverity_IsRefusedNamingTheLine()
    {
        var ex = Interactions(InteractionHeader + Row("a", "B01AA03", "M01A", "Severe"));

        Assert.Contains("line 2", ex.Message);
        Assert.Contains("'Severe' is not a severity", ex.Message);
    }

    [Fact]
    public void AMissingColumn_IsRefusedNamingTheLineAndTheColumnCount()
    {
        var ex = Interactions(InteractionHeader + "a\tB01AA03\tM01A\tMajor\tAdvice\tRåd\n");

        Assert.Contains("line 2: 6 columns, but the header has 7", ex.Message);
    }

    [Fact]
    public void AnEmptyCell_IsRefusedNamingTheColumn()
    {
        var ex = Interactions(InteractionHeader + "a\tB01AA03\tM01A\tMajor\tAdvice\t\tBNF\n");

        Assert.Contains("line 2: the column AdviceDa is empty", ex.Message);
    }

    [Fact]
    public void AMisspeltHeader_IsRefusedNamingTheExpectedColumns()
    {
        var ex = Interactions(InteractionHeader.Replace("Severity", "Severty", StringComparison.Ordinal) + Row("a", "B01AA03", "M01A"));

        Assert.Contains("line 1: the header must be the columns Id, First, Second, Severity", ex.Message);
    }

    [Fact]
    public void ARepeatedRuleId_IsRefusedNamingBothLines()
    {
        var ex = Interactions(InteractionHeader + Row("a", "B01AA03", "M01A") + Row("a", "C09A", "C03D"));

        Assert.Contains("line 3: the rule id 'a' is already used on line 2", ex.Message);
    }

    [Fact]
    public void ADoseWithANonUcumUnitOrABadAmount_IsRefusedNamingTheLine()
    {
        File.WriteAllText(Path.Combine(_folder, MedicationRuleFiles.InteractionsFile), InteractionHeader);
        File.WriteAllText(Path.Combine(_folder, MedicationRuleFiles.MaximumDosesFile), DoseHeader + "p\tN02BE01\t4\tgram\tAdvice\tRåd\tBNF\n");
        var unit = Assert.Throws<MedicationRuleFileException>(() => MedicationRuleFiles.Load(_folder));
        Assert.Contains("'maximum-doses.tsv' line 2: 'gram' is not a UCUM unit", unit.Message);

        File.WriteAllText(Path.Combine(_folder, MedicationRuleFiles.MaximumDosesFile), DoseHeader + "p\tN02BE01\t4,0\tg\tAdvice\tRåd\tBNF\n");
        var amount = Assert.Throws<MedicationRuleFileException>(() => MedicationRuleFiles.Load(_folder));
        Assert.Contains("line 2: '4,0' is not an amount", amount.Message);

        File.WriteAllText(Path.Combine(_folder, MedicationRuleFiles.MaximumDosesFile), DoseHeader + "p\tN02BE01\t4\tmin\tAdvice\tRåd\tBNF\n");
        var kind = Assert.Throws<MedicationRuleFileException>(() => MedicationRuleFiles.Load(_folder));
        Assert.Contains("line 2: The unit 'min' is not a unit a dose can be measured in", kind.Message);
    }

    [Fact]
    public void AMissingFile_IsRefusedNamingIt()
    {
        File.WriteAllText(Path.Combine(_folder, MedicationRuleFiles.InteractionsFile), InteractionHeader);

        var ex = Assert.Throws<MedicationRuleFileException>(() => MedicationRuleFiles.Load(_folder));

        Assert.Contains(MedicationRuleFiles.MaximumDosesFile, ex.Message);
    }

    private MedicationRuleFileException Interactions(string content)
    {
        File.WriteAllText(Path.Combine(_folder, MedicationRuleFiles.InteractionsFile), content);
        File.WriteAllText(Path.Combine(_folder, MedicationRuleFiles.MaximumDosesFile), DoseHeader);
        return Assert.Throws<MedicationRuleFileException>(() => MedicationRuleFiles.Load(_folder));
    }

    private static string Row(string id, string first, string second, string severity = "Major") =>
        $"{id}\t{first}\t{second}\t{severity}\tAdvice\tRåd\tStockley\n";

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
