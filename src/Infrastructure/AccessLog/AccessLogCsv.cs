using System.Text;

namespace CareWorkspace.Infrastructure.AccessLog;

/// <summary>
/// Writes CSV for a spreadsheet: semicolons (what a Danish spreadsheet expects), UTF-8 with a byte-order mark, fields
/// quoted when needed, and a value that a spreadsheet would run as a formula (starting with = + - @) made plain text.
/// </summary>
public static class AccessLogCsv
{
    public const string ContentType = "text/csv; charset=utf-8";
    public const char Separator = ';';

    public static readonly Encoding Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);

    public static string Line(IEnumerable<string?> fields) => string.Join(Separator, fields.Select(Field)) + "\r\n";

    public static string Field(string? value)
    {
        var text = value ?? "";
        if (text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
            text = "'" + text;
        return text.IndexOfAny([Separator, '"', '\r', '\n']) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }
}
