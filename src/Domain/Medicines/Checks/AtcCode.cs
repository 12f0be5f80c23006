using CareWorkspace.Domain.Common;

namespace CareWorkspace.Domain.Medicines.Checks;

/// <summary>
/// An ATC code (WHO Anatomical Therapeutic Chemical classification) or one of its class levels: level 1 is the anatomical
/// group (<c>M</c>), 2 the therapeutic subgroup (<c>M01</c>), 3 the pharmacological (<c>M01A</c>), 4 the chemical subgroup
/// (<c>M01AE</c>) and 5 the substance (<c>M01AE01</c>). Only the 14 anatomical groups WHO defines are known.
/// </summary>
public static class AtcCode
{
    public const int SubstanceLength = 7;
    public const int ChemicalSubgroupLength = 5;

    private const string AnatomicalGroups = "ABCDGHJLMNPRSV";

    /// <summary>The lengths of the five levels, shortest first.</summary>
    public static readonly IReadOnlyList<int> LevelLengths = [1, 3, 4, 5, 7];

    /// <summary>True for a whole code or a class at any level, written as WHO writes it (upper case, no spaces).</summary>
    public static bool IsValid(string? code)
    {
        if (code is null || !LevelLengths.Contains(code.Length) || !AnatomicalGroups.Contains(code[0], StringComparison.Ordinal))
            return false;
        for (var i = 1; i < code.Length; i++)
        {
            var digit = i is 1 or 2 or 5 or 6;
            if (digit ? !char.IsAsciiDigit(code[i]) : !char.IsAsciiLetterUpper(code[i]))
                return false;
        }
        return true;
    }

    /// <summary>True for a substance code (level 5, e.g. M01AE01).</summary>
    public static bool IsSubstance(string? code) => code?.Length == SubstanceLength && IsValid(code);

    /// <summary>The code trimmed and in upper case, or a <see cref="DomainException"/> saying why it is not an ATC code.</summary>
    public static string Parse(string? text)
    {
        var code = text?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(code))
            throw new DomainException("An ATC code is required.");
        if (!IsValid(code))
            throw new DomainException("'{0}' is not a known ATC code. An ATC code is written like M01AE01 (substance) or M01A (class).", text!.Trim());
        return code;
    }

    /// <summary>Whether the code belongs to the class (or is the substance) <paramref name="pattern"/>.</summary>
    public static bool Matches(string code, string pattern) => code.StartsWith(pattern, StringComparison.Ordinal);
}
