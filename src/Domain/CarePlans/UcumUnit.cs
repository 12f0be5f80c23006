using CareWorkspace.Domain.Common;

namespace CareWorkspace.Domain.CarePlans;

/// <summary>
/// A unit in UCUM (the Unified Code for Units of Measure, which the national profiles require for quantities), checked
/// against UCUM's grammar with the atoms used in clinical measurements: <c>mmol/mol</c>, <c>kg/m2</c>, <c>mm[Hg]</c>,
/// <c>%</c>, <c>/min</c>, <c>{cigarettes}/d</c>, <c>10*9/L</c>. UCUM is case-sensitive: <c>mmHg</c> and <c>KG</c> are refused.
/// </summary>
public sealed record UcumUnit
{
    public const int MaxLength = 40;

    // Metric atoms take a prefix (mmol, kg, mL, mm[Hg]); the others do not.
    private static readonly HashSet<string> MetricAtoms =
    [
        "m", "g", "s", "L", "l", "mol", "eq", "Pa", "bar", "Cel", "K", "J", "cal", "W", "V", "Hz", "kat", "U", "[IU]", "[iU]",
        "m[Hg]", "m[H2O]", "Bq", "Gy", "Sv", "osm",
    ];

    private static readonly HashSet<string> OtherAtoms =
    [
        "min", "h", "d", "wk", "mo", "a", "%", "[ppm]", "[ppb]", "[pH]", "[degF]", "[lb_av]", "[oz_av]", "[in_i]", "[ft_i]", "[drp]",
        "10*", "10^", "[arb'U]", "[CFU]", "[HPF]", "[LPF]",
    ];

    private static readonly string[] Prefixes = ["da", "Y", "Z", "E", "P", "T", "G", "M", "k", "h", "d", "c", "m", "u", "n", "p", "f", "a"];

    public string Code { get; }

    private UcumUnit(string code) => Code = code;

    /// <summary>The unit, or a <see cref="DomainException"/> saying that the text is not a UCUM unit.</summary>
    public static UcumUnit Parse(string? text)
    {
        var code = text?.Trim();
        if (string.IsNullOrEmpty(code))
            throw new DomainException("A goal's measure needs a unit (UCUM, e.g. kg, mmol/mol, /min or {cigarettes}/d).");
        if (code.Length > MaxLength || !IsValid(code))
            throw new DomainException("'{0}' is not a UCUM unit. Write it as UCUM does, e.g. mmol/mol, kg/m2, mm[Hg], %, /min or {{cigarettes}}/d.", code);
        return new UcumUnit(code);
    }

    public static bool IsValid(string code)
    {
        var reader = new Reader(code);
        return reader.Term() && reader.AtEnd;
    }

    public override string ToString() => Code;

    private sealed class Reader(string text)
    {
        private int _at;

        public bool AtEnd => _at == text.Length;

        private char? Peek => _at < text.Length ? text[_at] : null;

        // term := '/' component | component (('.' | '/') component)*
        public bool Term()
        {
            if (Peek == '/')
                _at++;
            if (!Component())
                return false;
            while (Peek is '.' or '/')
            {
                _at++;
                if (!Component())
                    return false;
            }
            return true;
        }

        // component := '(' term ')' | annotation | simple-unit [exponent] [annotation] | factor
        private bool Component()
        {
            if (Peek == '(')
            {
                _at++;
                if (!Term() || Peek != ')')
                    return false;
                _at++;
                return true;
            }
            if (Peek == '{')
                return Annotation();
            var start = _at;
            while (Peek is { } c && c is not ('.' or '/' or '(' or ')' or '{'))
            {
                if (c == '[')
                {
                    var close = text.IndexOf(']', _at);
                    if (close < 0)
                        return false;
                    _at = close + 1;
                }
                else
                {
                    _at++;
                }
            }
            var symbol = text[start.._at];
            if (symbol.Length == 0 || !IsUnitWithExponent(symbol))
                return false;
            return Peek != '{' || Annotation();
        }

        private bool Annotation()
        {
            var close = text.IndexOf('}', _at);
            if (close < 0)
                return false;
            var inside = text[(_at + 1)..close];
            if (inside.Any(c => c < '!' || c > '~' || c == '{'))
                return false;
            _at = close + 1;
            return true;
        }

        private static bool IsUnitWithExponent(string symbol)
        {
            if (symbol.All(char.IsAsciiDigit))
                return true; // a factor, e.g. 1 or 1000
            var digits = symbol.Length;
            while (digits > 0 && char.IsAsciiDigit(symbol[digits - 1]))
                digits--;
            if (digits > 0 && symbol[digits - 1] is '+' or '-' && digits < symbol.Length)
                digits--;
            var atom = symbol[..digits];
            if (digits < symbol.Length && atom is "10*" or "10^")
                return true;
            return atom.Length > 0 && IsAtom(atom);
        }

        private static bool IsAtom(string atom) =>
            OtherAtoms.Contains(atom) && atom is not ("10*" or "10^")
            || MetricAtoms.Contains(atom)
            || Prefixes.Any(p => atom.Length > p.Length && atom.StartsWith(p, StringComparison.Ordinal) && MetricAtoms.Contains(atom[p.Length..]));
    }
}
