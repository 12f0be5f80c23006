using CareWorkspace.Infrastructure.Documents;

namespace CareWorkspace.DocumentPdfBenchmark;

/// <summary>A care plan as a coordinator prints it: a COPD plan with goals, activities by sector, measurements and notes (five A4 pages).</summary>
internal static class CarePlanSample
{
    private static readonly string[] Sectors = ["Almen praksis", "Kommune", "Hospital"];

    private static readonly string[] Activities =
    [
        "Årlig kontrol med spirometri hos egen læge",
        "Rygestopforløb i kommunens sundhedscenter (6 gange)",
        "Patientuddannelse: Lev godt med KOL",
        "Telemonitorering: iltmætning og vægt tre gange om ugen",
        "Genoptræning: kondition og styrke to gange om ugen",
        "Inhalationsteknik gennemgået af sygeplejerske",
        "Influenza- og pneumokokvaccination",
        "Kostvejledning ved diætist: vægtøgning på 2 kg",
    ];

    public static CareDocument Build()
    {
        var frame = new DocumentFrame("Forløbsplan: KOL", "Jens Jørgen Ærenlund", "CPR-nr. 120345-1237",
            ["Udskrevet af Anne Sørensen, Lægerne Strandvejen", "Udskrevet 29. nov. 2026 kl. 17.42", "Planversion 7"], "Side {0} af {1}");
        var blocks = new List<DocumentBlock>
        {
            new DocumentHeading("Forløbsplan: Kronisk obstruktiv lungesygdom (KOL)"),
            new DocumentFacts([
                new("Periode", "1. sep. 2026 – 31. aug. 2027"),
                new("Status", "Aktiv"),
                new("Diagnoser", "DJ44.9 Kronisk obstruktiv lungesygdom; DE11.9 Type 2-diabetes uden komplikationer"),
                new("Ansvarlig", "Lægerne Strandvejen (egen læge), i samarbejde med Havby Kommune og Lungemedicinsk Afdeling, Region Sjælland"),
                new("Aftalt med borgeren", "Ja, 3. sep. 2026 af Anne Sørensen, praktiserende læge"),
            ]),
            new DocumentParagraph(Repeat("Planen er lavet sammen med Jens ved årskontrollen. Jens ønsker især at kunne gå til og fra brugsen uden pause og at holde op med at ryge inden sommerferien. ", 4)),
            new DocumentHeading("Mål", 2),
            new DocumentTable(
                [new("Mål", 3), new("Måling", 2), new("Målværdi", 1.3), new("Frist", 1.4), new("Status", 1.4), new("Aftalt", 1.6)],
                Enumerable.Range(1, 18).Select(i => (IReadOnlyList<string>)[
                    i % 3 == 0 ? "Rygestop: ingen cigaretter i fire uger i træk, bekræftet ved kulilte-måling" : i % 3 == 1 ? "Kunne gå 6 minutter ≥ 300 m uden pause" : "HbA1c ≤ 53 mmol/mol",
                    i % 3 == 0 ? "Cigaretter pr. dag" : i % 3 == 1 ? "6-minutters gangtest" : "HbA1c",
                    i % 3 == 0 ? "0 /d" : i % 3 == 1 ? "300 m" : "53 mmol/mol",
                    $"{i % 28 + 1}. {(i % 2 == 0 ? "mar." : "jun.")} 2027",
                    i % 4 == 0 ? "Opnået" : i % 4 == 1 ? "I gang" : i % 4 == 2 ? "Bedring" : "Forværring",
                    $"Ja, {i % 28 + 1}. sep. 2026"]).ToList()),
            new DocumentHeading("Aktiviteter", 2),
            new DocumentTable(
                [new("Aktivitet", 3.2), new("Ansvarlig", 2.2), new("Sektor", 1.4), new("Hvornår", 1.8), new("Status", 1.2)],
                Enumerable.Range(0, 24).Select(i => (IReadOnlyList<string>)[
                    Activities[i % Activities.Length],
                    i % 3 == 0 ? "Lægerne Strandvejen" : i % 3 == 1 ? "Havby Sundhedscenter" : "Lungemedicinsk Ambulatorium, Holbæk",
                    Sectors[i % 3],
                    i % 2 == 0 ? "Hver uge, tirsdag og torsdag" : "Én gang om året (september)",
                    i % 5 == 0 ? "Afsluttet" : "Planlagt"]).ToList()),
            new DocumentHeading("Målinger", 2),
            new DocumentTable(
                [new("Dato", 1.5), new("Måling", 2.5), new("Værdi", 1.2), new("Målt af", 2.5)],
                Enumerable.Range(1, 30).Select(i => (IReadOnlyList<string>)[
                    $"{i % 28 + 1}. okt. 2026", i % 2 == 0 ? "Iltmætning (SpO₂)" : "Vægt", i % 2 == 0 ? $"{90 + i % 6} %" : $"{70 + i % 4},{i % 10} kg",
                    i % 3 == 0 ? "Jens selv (telemonitorering)" : "Hjemmesygeplejen, Havby Kommune"]).ToList()),
            new DocumentHeading("Noter", 2),
        };
        blocks.AddRange(Enumerable.Range(1, 6).Select(i => new DocumentParagraph(
            $"{i}. okt. 2026 – " + Repeat("Jens fortæller, at åndenøden er værst om morgenen. Han bruger sin inhalator korrekt og har skåret ned til fem cigaretter om dagen. Ægtefællen Åse støtter rygestoppet. ", 3))));
        blocks.Add(new DocumentList([
            "Ring til egen læge ved feber over 38,5 °C, mere slim eller farveskift i slimet.",
            "Ved akut forværring: brug den aftalte handleplan og ring 1813 eller 112.",
            "Tag altid medicinlisten med til aftaler på hospitalet og i kommunen.",
        ]));
        return new CareDocument(frame, blocks);
    }

    private static string Repeat(string text, int times) => string.Concat(Enumerable.Repeat(text, times)).TrimEnd();
}
