using System.Text;
using System.Text.RegularExpressions;

namespace CareWorkspace.UnitTests.Localization;

/// <summary>One piece of literal text a person would see, found in a .razor file.</summary>
public sealed record LiteralText(int Line, string Text);

/// <summary>
/// Finds user-visible literal text in Razor markup: text between tags, text attributes (Label="…", aria-label="…")
/// and string literals inside expressions written in text (<c>@(x ?? "Not recorded")</c>). Code blocks, comments,
/// directives, scripts and styles are skipped. Deliberately simple; it errs on the side of reporting.
/// </summary>
public static partial class RazorLiteralScanner
{
    /// <summary>Words that are the same in every language: the product name, "CPR", and each language's own name.</summary>
    public static readonly IReadOnlyList<string> AllowedWords = ["CareWorkspace", "CPR", "Dansk", "English"];

    /// <summary>Attributes whose value people read (or hear from a screen reader).</summary>
    public static readonly IReadOnlyList<string> TextAttributes =
    [
        "Label", "Placeholder", "Title", "Text", "HelperText", "ErrorText", "Tooltip", "DataLabel", "Reason", "Message",
        "ButtonText", "ConfirmText", "CancelText", "Caption", "AdornmentAriaLabel", "RowsPerPageString", "InfoFormat",
        "aria-label", "aria-description", "title", "placeholder", "alt",
    ];

    public static IReadOnlyList<LiteralText> Scan(string razor)
    {
        var text = BlankOut(razor);
        var found = new List<LiteralText>();
        foreach (Match m in TextAttribute().Matches(text))
        {
            var value = m.Groups["value"].Value;
            if (!value.StartsWith('@') && HasWords(value))
                found.Add(new LiteralText(LineOf(text, m.Index), $"{m.Groups["name"].Value}=\"{value}\""));
        }
        foreach (var (start, segment) in TextNodes(text))
            ScanTextNode(segment, start, text, found);
        return [.. found.OrderBy(f => f.Line)];
    }

    private static void ScanTextNode(string segment, int start, string whole, List<LiteralText> found)
    {
        var plain = new StringBuilder();
        var i = 0;
        while (i < segment.Length)
        {
            if (segment[i] == '@' && i + 1 < segment.Length && segment[i + 1] == '@')
            {
                plain.Append('@');
                i += 2;
            }
            else if (segment[i] == '@' && i + 1 < segment.Length && segment[i + 1] is '(' or '{')
            {
                var end = SkipBalanced(segment, i + 1);
                if (segment[i + 1] == '(')
                {
                    var expression = segment[(i + 1)..end];
                    foreach (Match literal in StringLiteral().Matches(expression))
                    {
                        if (IsResourceKey(expression, literal.Index))
                            continue;
                        var content = Interpolation().Replace(literal.Groups["content"].Value, " ");
                        if (HasWords(content))
                            found.Add(new LiteralText(LineOf(whole, start + i), '"' + literal.Groups["content"].Value + '"'));
                    }
                }
                plain.Append(' ');
                i = end;
            }
            else if (segment[i] == '@' && i + 1 < segment.Length && (char.IsLetter(segment[i + 1]) || segment[i + 1] == '_'))
            {
                i = SkipImplicitExpression(segment, i + 1);
                plain.Append(' ');
            }
            else
            {
                plain.Append(segment[i]);
                i++;
            }
        }
        var lineOffset = 0;
        foreach (var line in plain.ToString().Split('\n'))
        {
            var cleaned = CodeLine().IsMatch(line) ? "" : Entity().Replace(line, " ");
            if (HasWords(cleaned))
                found.Add(new LiteralText(LineOf(whole, start) + lineOffset, cleaned.Trim()));
            lineOffset++;
        }
    }

    /// <summary>A literal right after '[' is a key, as in <c>L["Not recorded"]</c>.</summary>
    private static bool IsResourceKey(string expression, int literalStart)
    {
        var before = expression[..literalStart].TrimEnd();
        return before.EndsWith('[');
    }

    /// <summary>True when the text has letters once the allowed words are taken out.</summary>
    public static bool HasWords(string text)
    {
        foreach (var word in AllowedWords)
            text = text.Replace(word, " ", StringComparison.Ordinal);
        return text.Any(char.IsLetter);
    }

    /// <summary>Replaces comments, code blocks, directives, scripts and styles by spaces, keeping line numbers.</summary>
    private static string BlankOut(string razor)
    {
        var text = razor.Replace("\r\n", "\n", StringComparison.Ordinal);
        text = RazorComment().Replace(text, Blank);
        text = HtmlComment().Replace(text, Blank);
        text = ScriptOrStyle().Replace(text, Blank);
        text = Directive().Replace(text, Blank);
        foreach (var keyword in new[] { "@code", "@functions" })
        {
            int at;
            while ((at = text.IndexOf(keyword, StringComparison.Ordinal)) >= 0)
            {
                var open = text.IndexOf('{', at);
                var end = open < 0 ? text.Length : SkipBalanced(text, open);
                text = string.Concat(text.AsSpan(0, at), Blank(text[at..end]), text.AsSpan(end));
            }
        }
        return text;
    }

    private static string Blank(Match m) => Blank(m.Value);

    private static string Blank(string s) => new([.. s.Select(c => c == '\n' ? '\n' : ' ')]);

    /// <summary>The text between tags, with the position where each piece starts.</summary>
    private static IEnumerable<(int Start, string Text)> TextNodes(string text)
    {
        var i = 0;
        var textStart = 0;
        while (i < text.Length)
        {
            if (text[i] == '<' && i + 1 < text.Length && (char.IsLetter(text[i + 1]) || text[i + 1] is '/' or '!'))
            {
                yield return (textStart, text[textStart..i]);
                i = SkipTag(text, i + 1);
                textStart = i;
            }
            else
            {
                i++;
            }
        }
        yield return (textStart, text[textStart..]);
    }

    private static int SkipTag(string text, int i)
    {
        var quoted = false;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '@' && i + 1 < text.Length && text[i + 1] == '(')
            {
                i = SkipBalanced(text, i + 1);
                continue;
            }
            if (c == '"')
                quoted = !quoted;
            else if (c == '>' && !quoted)
                return i + 1;
            i++;
        }
        return i;
    }

    /// <summary>From an opening bracket, the index after its matching close, skipping C# strings and chars.</summary>
    private static int SkipBalanced(string text, int open)
    {
        var depth = 0;
        for (var i = open; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '"' || c == '\'')
            {
                i = SkipString(text, i);
                continue;
            }
            if (c is '(' or '{' or '[')
                depth++;
            else if (c is ')' or '}' or ']' && --depth == 0)
                return i + 1;
        }
        return text.Length;
    }

    private static int SkipString(string text, int quote)
    {
        var q = text[quote];
        for (var i = quote + 1; i < text.Length; i++)
        {
            if (text[i] == '\\')
                i++;
            else if (text[i] == q)
                return i;
            else if (text[i] == '\n' && q == '\'')
                return quote;
        }
        return text.Length;
    }

    /// <summary>@Name.Member(args)[index] and keyword forms such as @if (…), @foreach (…).</summary>
    private static int SkipImplicitExpression(string text, int i)
    {
        while (i < text.Length)
        {
            if (char.IsLetterOrDigit(text[i]) || text[i] == '_')
                i++;
            else if (text[i] is '(' or '[')
                i = SkipBalanced(text, i);
            else if (text[i] == ' ' && KeywordBefore(text, i) && NextNonSpace(text, i) == '(')
                i = SkipBalanced(text, text.IndexOf('(', i));
            else if ((text[i] == '.' || (text[i] is '?' or '!' && i + 1 < text.Length && text[i + 1] == '.'))
                     && i + 1 < text.Length && NextIdentifierStart(text, i))
                i += text[i] == '.' ? 1 : 2;
            else
                break;
        }
        return i;
    }

    private static bool KeywordBefore(string text, int i)
    {
        var start = text.LastIndexOf('@', i);
        var word = start < 0 ? "" : text[(start + 1)..i];
        return word is "if" or "foreach" or "for" or "while" or "switch" or "using" or "lock";
    }

    private static char NextNonSpace(string text, int i)
    {
        while (i < text.Length && text[i] == ' ')
            i++;
        return i < text.Length ? text[i] : '\0';
    }

    private static bool NextIdentifierStart(string text, int i)
    {
        var next = text[i] == '.' ? i + 1 : i + 2;
        return next < text.Length && (char.IsLetter(text[next]) || text[next] == '_');
    }

    private static int LineOf(string text, int index) => 1 + text.AsSpan(0, Math.Min(index, text.Length)).Count('\n');

    [GeneratedRegex(@"@\*.*?\*@", RegexOptions.Singleline)]
    private static partial Regex RazorComment();

    [GeneratedRegex(@"<!--.*?-->", RegexOptions.Singleline)]
    private static partial Regex HtmlComment();

    [GeneratedRegex(@"<(script|style)\b.*?</\1>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex ScriptOrStyle();

    [GeneratedRegex(@"^\s*@(page|using|inject|attribute|layout|inherits|implements|typeparam|namespace|rendermode|preservewhitespace)\b.*$", RegexOptions.Multiline)]
    private static partial Regex Directive();

    [GeneratedRegex("""\s(?<name>Label|Placeholder|Title|Text|HelperText|ErrorText|Tooltip|DataLabel|Reason|Message|ButtonText|ConfirmText|CancelText|Caption|AdornmentAriaLabel|RowsPerPageString|InfoFormat|aria-label|aria-description|title|placeholder|alt)="(?<value>[^"]*)"(?=[\s/>])""")]
    private static partial Regex TextAttribute();

    [GeneratedRegex("""\$?@?"(?<content>(?:[^"\\]|\\.)*)"|'(?:[^'\\]|\\.)'""")]
    private static partial Regex StringLiteral();

    [GeneratedRegex(@"\{[^{}]*\}")]
    private static partial Regex Interpolation();

    [GeneratedRegex(@"&#?\w+;")]
    private static partial Regex Entity();

    // C# statements that sit between tags: braces, else, case labels, local variables.
    [GeneratedRegex(@"^\s*(\}?\s*else(\s+if\s*\(.*\))?\s*\{?|[{}]+|case\s.+:|default:|break;|return;|(var|int|string|bool)\s+\w+\s*=.*;)\s*$")]
    private static partial Regex CodeLine();
}
