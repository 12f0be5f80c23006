using CareWorkspace.Domain.Common;

namespace CareWorkspace.Domain.Medicines;

/// <summary>
/// An ATC code (WHO Anatomical Therapeutic Chemical classification) or one of its class levels: level 1 is the anatomical
/// group (<c>M</c>), 2 the therapeutic subgroup (<c>M01</c>), 3 the pharmacological (<c>M01A</c>), 4 the chemical subgroup
/// (<c>M01AE</c>) and 5 the substance (<c>M01AE01</c>). Only the 14 anatomical groups WHO defines are known. A class code
/// names its whole class: an allergy to J01C covers every drug whose code starts with J01C.
/// </summary>
public static class AtcCode
{
    public const int SubstanceLength = 7;
    public const int MaxLength = SubstanceLength;
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

    /// <summary>
    /// An optional code (an allergy's) in its written form (upper case, spaces removed: "J01 CA 04" is J01CA04), or null for
    /// none; a malformed code is refused.
    /// </summary>
    public static string? ParseOptional(string? text)
    {
        var code = Normalise(text);
        if (code is null)
            return null;
        if (!IsValid(code))
            throw new DomainException("'{0}' is not an ATC code (a level such as J, J01, J01C, J01CA or J01CA04).", text!.Trim());
        return code;
    }

    /// <summary>Whether the code belongs to the class (or is the substance) <paramref name="pattern"/>.</summary>
    public static bool Matches(string code, string pattern) => code.StartsWith(pattern, StringComparison.Ordinal);

    /// <summary>
    /// Whether a drug's code, as written on the drug (any case, spaces), lies in the class a code names (J01C covers J01CA04;
    /// J01 does not lie in J01C). A drug without a valid code lies in no class.
    /// </summary>
    public static bool Covers(string classCode, string? drugCode) =>
        Normalise(drugCode) is { } drug && IsValid(drug) && Matches(drug, classCode);

    private static string? Normalise(string? text)
    {
        var code = text?.Replace(" ", "", StringComparison.Ordinal).Trim().ToUpperInvariant();
        return string.IsNullOrEmpty(code) ? null : code;
    }
}
