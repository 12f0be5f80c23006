using System.Globalization;
using System.Text;

namespace CareWorkspace.Domain.Medicines.Allergies;

/// <summary>
/// Compares a recorded substance with a drug's name as a clinician would: case, accents, punctuation and strength do not
/// matter, and the substance must appear as whole words ("Amoxicillin" is in "Amoxicillin Sandoz 500 mg", "penicillin" is
/// not in "phenoxymethylpenicillin", which the ATC class catches instead).
/// </summary>
public static class SubstanceName
{
    public static IReadOnlyList<string> Words(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return [];
        var plain = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.NonSpacingMark)
                continue;
            plain.Append(char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : ' ');
        }
        return plain.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>Whether the substance's words appear, in order and next to each other, in the drug's name.</summary>
    public static bool IsIn(string substance, string drugName)
    {
        var wanted = Words(substance);
        var words = Words(drugName);
        if (wanted.Count == 0 || wanted.Count > words.Count)
            return false;
        for (var start = 0; start + wanted.Count <= words.Count; start++)
        {
            var all = true;
            for (var i = 0; i < wanted.Count && all; i++)
                all = words[start + i] == wanted[i];
            if (all)
                return true;
        }
        return false;
    }
}
