using CareWorkspace.Infrastructure.Documents;

namespace CareWorkspace.UnitTests.Documents;

/// <summary>The document-layout layer, read back with PdfPig: text, pages, repeated table headers, page numbers, fonts.</summary>
public sealed class PdfDocumentWriterTests
{
    private const string Danish = "Æblegrød på Ørestad – så Åse får æøå";

    private static DocumentFrame Frame(string title = "Forløbsoversigt") =>
        new(title, "Jens Ærø Jensen", "CPR 120345-1237", ["Udskrevet af Anne Sørensen", "29. nov. 2026 17.42", "Version 3"], "Side {0} af {1}");

    private static byte[] Write(params DocumentBlock[] blocks) => PdfDocumentWriter.Write(new CareDocument(Frame(), blocks));

    private static DocumentTable LongTable(int rows) =>
        new([new("Øvelse", 2), new("Sæt"), new("Gentagelser"), new("Uge")],
            Enumerable.Range(1, rows).Select(i => (IReadOnlyList<string>)[$"Øvelse nummer {i}", "3", "12", $"{i % 52 + 1}"]).ToList());

    [Fact]
    public void Danish_letters_come_back_in_the_body_header_and_footer()
    {
        var pdf = Write(new DocumentHeading("Mål og aktiviteter"), new DocumentParagraph(Danish), new DocumentList(["Rygestop: ÆØÅ æøå"]));

        var text = Assert.Single(PdfFacts.PageTexts(pdf));

        Assert.Contains("Mål og aktiviteter", text, StringComparison.Ordinal);
        Assert.Contains("Æblegrød", text, StringComparison.Ordinal);
        Assert.Contains("ÆØÅ", text, StringComparison.Ordinal);
        Assert.Contains("Jens Ærø Jensen", text, StringComparison.Ordinal);
        Assert.Contains("Udskrevet af Anne Sørensen", text, StringComparison.Ordinal);
        Assert.Contains("Side 1 af 1", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_long_table_continues_on_the_next_page_with_its_header_row_repeated()
    {
        var pdf = Write(new DocumentHeading("Øvelser"), LongTable(120));

        var pages = PdfFacts.PageTexts(pdf);

        Assert.True(pages.Count >= 3, $"120 rows should need at least three pages, got {pages.Count}");
        foreach (var page in pages)
            Assert.Contains("GentagelserUge", page.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("Øvelse nummer 120", pages[^1], StringComparison.Ordinal);
        Assert.DoesNotContain("Øvelse nummer 120", pages[0], StringComparison.Ordinal);
        // Every row is printed exactly once.
        var all = string.Join("\n", pages);
        Assert.Equal(120, Enumerable.Range(1, 120).Count(i => all.Contains($"Øvelse nummer {i}3", StringComparison.Ordinal)));
    }

    [Fact]
    public void Every_page_says_page_N_of_M_with_the_patient_in_the_header()
    {
        var pdf = Write(LongTable(150));

        var pages = PdfFacts.PageTexts(pdf);

        Assert.True(pages.Count > 1);
        for (var i = 0; i < pages.Count; i++)
        {
            Assert.Contains($"Side {i + 1} af {pages.Count}", pages[i], StringComparison.Ordinal);
            Assert.Contains("Jens Ærø Jensen", pages[i], StringComparison.Ordinal);
            Assert.Contains("CPR 120345-1237", pages[i], StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_fonts_are_embedded_DejaVu_Sans_and_nothing_else()
    {
        var pdf = Write(new DocumentHeading("Overskrift"), new DocumentParagraph("Brødtekst"));

        var fonts = PdfFacts.Fonts(pdf);

        Assert.NotEmpty(fonts);
        Assert.All(fonts, f => Assert.True(f.Embedded, $"{f.Name} is not embedded"));
        // A subset embedded from the fonts in the repository ("ABCDEF+DejaVu Sans"), never a system font.
        Assert.All(fonts, f => Assert.Matches(@"^[A-Z]{6}\+DejaVu Sans(,Bold)?$", f.Name));
        Assert.Contains(fonts, f => f.Name.EndsWith(",Bold", StringComparison.Ordinal));
        Assert.All(PdfFacts.LetterFontNames(pdf), n => Assert.Contains("DejaVu Sans", n, StringComparison.Ordinal));
    }

    [Fact]
    public void Long_text_and_long_words_wrap_inside_the_page()
    {
        var sentence = string.Concat(Enumerable.Repeat("Borgeren træner dagligt med elastik og går ture på 20 minutter. ", 60));
        var word = new string('Ø', 300);
        var pdf = Write(
            new DocumentParagraph(sentence + word),
            new DocumentFacts([new("Adresse", sentence), new("Bemærkning", word)]),
            new DocumentTable([new("Kort"), new("Lang", 3)], [[word, sentence]]),
            new DocumentList([sentence]));

        Assert.Empty(PdfFacts.LettersOutsideThePage(pdf));
        Assert.True(PdfFacts.PageTexts(pdf).Count > 1);
    }

    [Fact]
    public void A_table_row_taller_than_a_page_is_split_rather_than_lost()
    {
        var lines = string.Join("\n", Enumerable.Range(1, 120).Select(i => $"Linje {i}"));
        var pdf = Write(new DocumentTable([new("Note")], [[lines]]));

        var all = string.Join("\n", PdfFacts.PageTexts(pdf));

        Assert.Contains("Linje 1", all, StringComparison.Ordinal);
        Assert.Contains("Linje 120", all, StringComparison.Ordinal);
        Assert.Empty(PdfFacts.LettersOutsideThePage(pdf));
    }

    [Fact]
    public void Documents_written_at_the_same_time_do_not_disturb_each_other()
    {
        var documents = Enumerable.Range(0, 8).AsParallel().Select(i =>
            PdfDocumentWriter.Write(new CareDocument(Frame($"Dokument {i}"), [new DocumentParagraph($"Indhold {i} æøå")]))).ToList();

        for (var i = 0; i < documents.Count; i++)
            Assert.Contains($"Indhold {i} æøå", Assert.Single(PdfFacts.PageTexts(documents[i])), StringComparison.Ordinal);
    }
}
