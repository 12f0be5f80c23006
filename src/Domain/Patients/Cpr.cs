using System.Globalization;
using System.Text.RegularExpressions;
using CareWorkspace.Domain.Common;

namespace CareWorkspace.Domain.Patients;

/// <summary>
/// A Danish personal identification number (CPR), or a national substitute number (X-eCPR).
/// A <see cref="Cpr"/> that exists is well formed: it holds a real calendar date.
/// </summary>
public sealed partial record Cpr
{
    public const int StoredLength = 10;
    public const string CprSystem = "urn:oid:1.2.208.176.1.2";
    public const string XeCprSystem = "urn:oid:1.2.208.176.1.6.1.1";

    /// <summary>The ten characters without the hyphen, e.g. "0703921234".</summary>
    public string Value { get; }
    public DateOnly BirthDate { get; }
    public bool IsSubstitute { get; }

    private Cpr(string value, DateOnly birthDate, bool isSubstitute)
    {
        Value = value;
        BirthDate = birthDate;
        IsSubstitute = isSubstitute;
    }

    public string System => IsSubstitute ? XeCprSystem : CprSystem;

    /// <summary>Formatted as DDMMYY-XXXX.</summary>
    public string Display => $"{Value[..6]}-{Value[6..]}";

    public int AgeOn(DateOnly day)
    {
        var age = day.Year - BirthDate.Year;
        if (day < BirthDate.AddYears(age))
            age--;
        return age;
    }

    /// <param name="today">The Copenhagen date (from the app's clock): it decides the century of an X-eCPR substitute number.</param>
    public static Cpr Parse(string? input, DateOnly today)
    {
        if (!TryRead(input, today, out var cpr, out var error))
            throw error!;
        return cpr;
    }

    public static bool TryParse(string? input, DateOnly today, out Cpr cpr, out string error)
    {
        var parsed = TryRead(input, today, out cpr, out var problem);
        error = problem?.Message ?? "";
        return parsed;
    }

    private static bool TryRead(string? input, DateOnly today, out Cpr cpr, out DomainException? error)
    {
        cpr = null!;
        var text = (input ?? "").Trim();
        if (text.Length == 0)
        {
            error = new DomainException("CPR number is required.");
            return false;
        }

        // The only hyphen allowed is the one after the date: DDMMYY-XXXX.
        var compact = text.Length == 11 && text[6] == '-' ? text.Remove(6, 1) : text;
        var isCpr = CprPattern().IsMatch(compact);
        var isSubstitute = !isCpr && XeCprPattern().IsMatch(compact);
        if (!isCpr && !isSubstitute)
        {
            error = new DomainException("'{0}' is not a CPR number: write it as DDMMYY-XXXX (ten digits), or as an X-eCPR substitute number (DDMMYY, a digit, two capital letters, a digit).", text);
            return false;
        }

        var day = int.Parse(compact[..2], CultureInfo.InvariantCulture);
        var month = int.Parse(compact[2..4], CultureInfo.InvariantCulture);
        var yy = int.Parse(compact[4..6], CultureInfo.InvariantCulture);
        var year = isCpr ? CenturyFromSerial(yy, compact[6] - '0') : SubstituteYear(yy, today);

        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            error = new DomainException("'{0}' does not start with a real date of birth (DDMMYY): {1}-{2}-{3} does not exist.", text, compact[..2], compact[2..4], year);
            return false;
        }

        cpr = new Cpr(compact, new DateOnly(year, month, day), isSubstitute);
        error = null;
        return true;
    }

    /// <summary>The century rule of the CPR register: the 7th digit together with the year decides it.</summary>
    internal static int CenturyFromSerial(int yy, int seventhDigit) => seventhDigit switch
    {
        <= 3 => 1900 + yy,
        4 or 9 => yy <= 36 ? 2000 + yy : 1900 + yy,
        _ => yy <= 57 ? 2000 + yy : 1800 + yy,
    };

    // X-eCPR numbers carry no century digit: we take the most recent century that does not put the birth in the future.
    private static int SubstituteYear(int yy, DateOnly today)
    {
        var century = today.Year / 100 * 100;
        return yy <= today.Year % 100 ? century + yy : century - 100 + yy;
    }

    public override string ToString() => Display;

    [GeneratedRegex("^[0-9]{10}$")]
    private static partial Regex CprPattern();

    [GeneratedRegex("^[0-9]{7}[A-Z]{2}[0-9]$")]
    private static partial Regex XeCprPattern();
}
