using CareWorkspace.Infrastructure.Documents;

namespace CareWorkspace.UnitTests.Documents;

/// <summary>Line breaking with a width of one unit a letter, so the expected lines can be counted by hand.</summary>
public sealed class TextWrapperTests
{
    private static double Letters(string s) => s.Length;

    [Fact]
    public void Breaks_at_spaces_without_exceeding_the_width()
    {
        var lines = TextWrapper.Wrap("ét to tre fire fem seks", 9, Letters);

        Assert.Equal(["ét to tre", "fire fem", "seks"], lines);
        Assert.All(lines, l => Assert.True(l.Length <= 9));
    }

    [Fact]
    public void A_word_wider_than_the_line_is_broken_inside()
    {
        var lines = TextWrapper.Wrap("a æøåæøåæøå b", 4, Letters);

        Assert.Equal(["a", "æøåæ", "øåæø", "å b"], lines);
    }

    [Fact]
    public void Line_breaks_in_the_text_are_kept()
    {
        Assert.Equal(["første", "", "anden"], TextWrapper.Wrap("første\r\n\nanden", 20, Letters));
    }

    [Fact]
    public void Fit_cuts_with_an_ellipsis_only_when_needed()
    {
        Assert.Equal("Jens", TextWrapper.Fit("Jens", 4, Letters));
        Assert.Equal("Jens…", TextWrapper.Fit("Jens Jensen", 5, Letters));
    }
}
