namespace CareWorkspace.Infrastructure.Documents;

/// <summary>Breaks text into lines that fit a width, at spaces, and inside a word only when the word alone is wider.</summary>
internal static class TextWrapper
{
    public static IReadOnlyList<string> Wrap(string text, double width, Func<string, double> measure)
    {
        var lines = new List<string>();
        foreach (var written in text.ReplaceLineEndings("\n").Split('\n'))
        {
            var words = written.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (words.Length == 0)
            {
                lines.Add("");
                continue;
            }
            var current = "";
            foreach (var word in words)
            {
                var candidate = current.Length == 0 ? word : current + " " + word;
                if (measure(candidate) <= width)
                {
                    current = candidate;
                    continue;
                }
                if (current.Length > 0)
                    lines.Add(current);
                current = measure(word) <= width ? word : BreakWord(word, width, measure, lines);
            }
            if (current.Length > 0)
                lines.Add(current);
        }
        return lines;
    }

    /// <summary>The text as it fits one line: cut with an ellipsis when it is wider.</summary>
    public static string Fit(string text, double width, Func<string, double> measure)
    {
        if (measure(text) <= width)
            return text;
        var length = text.Length;
        while (length > 0 && measure(text[..length] + "…") > width)
            length--;
        return text[..length] + "…";
    }

    /// <summary>Adds the full-width pieces of a word wider than a line and returns the rest, which starts the next line.</summary>
    private static string BreakWord(string word, double width, Func<string, double> measure, List<string> lines)
    {
        var piece = "";
        foreach (var letter in word)
        {
            if (piece.Length > 0 && measure(piece + letter) > width)
            {
                lines.Add(piece);
                piece = "";
            }
            piece += letter;
        }
        return piece;
    }
}
