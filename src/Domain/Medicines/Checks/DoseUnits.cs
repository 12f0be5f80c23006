using CareWorkspace.Domain.CarePlans;
using CareWorkspace.Domain.Common;

namespace CareWorkspace.Domain.Medicines.Checks;

/// <summary>
/// Converts a dose between UCUM units of the same kind: mass (ug, mg, g), volume (mL, L), amount (umol, mmol) and
/// international units ([iU], [IU], k[iU]). Other units (a tablet count, a time) cannot be compared with a maximum.
/// </summary>
public static class DoseUnits
{
    private static readonly Dictionary<string, decimal> Prefixes = new(StringComparer.Ordinal)
    {
        [""] = 1m,
        ["k"] = 1_000m,
        ["d"] = 0.1m,
        ["c"] = 0.01m,
        ["m"] = 0.001m,
        ["u"] = 0.000_001m,
        ["n"] = 0.000_000_001m,
    };

    private static readonly Dictionary<string, string> Kinds = new(StringComparer.Ordinal)
    {
        ["g"] = "mass",
        ["L"] = "volume",
        ["l"] = "volume",
        ["mol"] = "amount",
        ["[iU]"] = "international units",
        ["[IU]"] = "international units",
    };

    /// <summary>
    /// Whether a drug can be dosed in this (valid UCUM) unit: a mass, volume, amount or international units, or a count
    /// (<c>1</c> or an annotation such as <c>{tablet}</c>). A pressure, temperature, rate or percentage is not a dose.
    /// </summary>
    public static bool IsDoseUnit(string code) =>
        code == "1" || (code.Length > 2 && code[0] == '{' && code[^1] == '}' && code.IndexOf('}', StringComparison.Ordinal) == code.Length - 1)
        || Split(code) is not null;

    /// <summary>
    /// What is wrong with a daily dose (amount and UCUM unit, both or neither), or null when it may be stored. The one rule the
    /// domain enforces on saving and the forms tell while typing; the message is worded for the user (DomainText).
    /// </summary>
    public static DomainException? Problem(decimal? amount, string? unit)
    {
        var code = unit?.Trim();
        if (amount is null)
            return string.IsNullOrEmpty(code) ? null : new DomainException("A daily dose unit needs its amount.");
        if (amount <= 0)
            return new DomainException("A daily dose must be above zero (was {0}).", amount);
        if (string.IsNullOrEmpty(code))
            return new DomainException("A daily dose needs its unit (UCUM, e.g. mg).");
        if (!UcumUnit.IsValid(code) || code.Length > UcumUnit.MaxLength || !IsDoseUnit(code))
            return new DomainException("'{0}' is not a unit a dose can be given in. Write the daily dose in UCUM, e.g. mg, g, ug, mL or [iU].", code);
        return null;
    }

    /// <summary>Whether a dose in this unit can be compared with a maximum (a mass, volume, amount or international units).</summary>
    public static bool IsMeasurable(UcumUnit unit) => Split(unit.Code) is not null;

    /// <summary>The amount in <paramref name="to"/>, or null when the units are of different kinds (e.g. mL and mg).</summary>
    public static decimal? Convert(decimal amount, UcumUnit from, UcumUnit to)
    {
        if (from.Code == to.Code)
            return amount;
        if (Split(from.Code) is not { } source || Split(to.Code) is not { } target || source.Kind != target.Kind)
            return null;
        return amount * source.Factor / target.Factor;
    }

    private static (string Kind, decimal Factor)? Split(string code)
    {
        foreach (var (atom, kind) in Kinds)
        {
            if (code.EndsWith(atom, StringComparison.Ordinal) && Prefixes.TryGetValue(code[..^atom.Length], out var factor))
                return (kind, factor);
        }
        return null;
    }
}
