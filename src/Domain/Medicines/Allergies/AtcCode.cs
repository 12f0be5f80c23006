using System.Text.RegularExpressions;
using CareWorkspace.Domain.Common;

namespace CareWorkspace.Domain.Medicines.Allergies;

/// <summary>
/// An ATC code at any of its five levels: anatomical group (J), therapeutic (J01), pharmacological (J01C), chemical
/// (J01CA) and substance (J01CA04). A code names its whole class, so a register entry for J01C covers every drug whose
/// code starts with J01C.
/// </summary>
public static partial class AtcCode
{
    public const int MaxLength = 7;

    // The fourteen anatomical main groups of the WHO ATC index.
    private const string MainGroups = "ABCDGHJLMNPRSV";

    /// <summary>The code in its written form (upper case, no spaces), or null for none; a malformed code is refused.</summary>
    public static string? Parse(string? text)
    {
        var code = Normalise(text);
        if (code is null)
            return null;
        if (!IsValid(code))
            throw new DomainException("'{0}' is not an ATC code (a level such as J, J01, J01C, J01CA or J01CA04).", text!.Trim());
        return code;
    }

    public static bool IsValid(string? code) =>
        code is not null && Shape().IsMatch(code) && MainGroups.Contains(code[0], StringComparison.Ordinal);

    /// <summary>Whether a drug's code lies in the class a code names (J01C covers J01CA04; J01 does not lie in J01C).</summary>
    public static bool Covers(string classCode, string? drugCode)
    {
        var drug = Normalise(drugCode);
        return drug is not null && IsValid(drug) && drug.StartsWith(classCode, StringComparison.Ordinal);
    }

    private static string? Normalise(string? text)
    {
        var code = text?.Replace(" ", "", StringComparison.Ordinal).Trim().ToUpperInvariant();
        return string.IsNullOrEmpty(code) ? null : code;
    }

    [GeneratedRegex("^[A-Z](?:[0-9]{2}(?:[A-Z](?:[A-Z](?:[0-9]{2})?)?)?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
