namespace CareWorkspace.Domain.Medicines.Checks;

/// <summary>
/// Rules looked up by ATC prefix: a drug's code has at most five levels (M, M01, M01A, M01AE, M01AE01), so the rules that
/// can match it are found with five dictionary look-ups however many rules there are.
/// </summary>
internal sealed class RuleIndex<T>
{
    private readonly Dictionary<string, List<T>> _byPattern = new(StringComparer.Ordinal);

    public void Add(string pattern, T rule)
    {
        if (!_byPattern.TryGetValue(pattern, out var rules))
            _byPattern[pattern] = rules = [];
        if (!rules.Contains(rule))
            rules.Add(rule);
    }

    /// <summary>The rules with a pattern that the code matches (itself or one of its classes).</summary>
    public IEnumerable<T> For(string code)
    {
        foreach (var length in AtcCode.LevelLengths)
        {
            if (length > code.Length)
                yield break;
            if (_byPattern.TryGetValue(code[..length], out var rules))
            {
                foreach (var rule in rules)
                    yield return rule;
            }
        }
    }
}
