namespace CareWorkspace.Domain.Medicines.Reconciliation;

/// <summary>
/// The differences between the hospital's discharge list and the patient's current list (the GP's local entries and the
/// national record's). A discharge line is matched with at most one local and one national entry: first by ATC code, then,
/// for what is left, by name. A matched drug whose strength or dose differs is a dose change; a discharge line matched with
/// nothing is new; a current entry matched with nothing was stopped (a local and a national entry of the same drug share
/// that row). A drug twice on the current list is matched once; the other entry shows as stopped.
/// </summary>
public static class MedicationDiff
{
    public static MedicationComparison Compare(IReadOnlyList<ReconciledDrug> discharge, IReadOnlyList<ReconciledDrug> local,
        IReadOnlyList<ReconciledDrug> national)
    {
        var localLeft = local.ToList();
        var nationalLeft = national.ToList();
        var matches = discharge.Select(_ => (Local: (ReconciledDrug?)null, National: (ReconciledDrug?)null)).ToArray();
        foreach (var byName in new[] { false, true })
        {
            for (var i = 0; i < discharge.Count; i++)
            {
                if (matches[i].Local is null)
                    matches[i].Local = Take(localLeft, discharge[i], byName);
                if (matches[i].National is null)
                    matches[i].National = Take(nationalLeft, discharge[i], byName);
            }
        }
        var rows = discharge.Select((line, i) => Row(line, matches[i].Local, matches[i].National)).ToList();
        var stopped = new List<MedicationDifference>();
        foreach (var entry in localLeft)
        {
            var same = Take(nationalLeft, entry, byName: false) ?? Take(nationalLeft, entry, byName: true);
            stopped.Add(new MedicationDifference(DifferenceKind.Stopped, null, entry, same));
        }
        stopped.AddRange(nationalLeft.Select(entry => new MedicationDifference(DifferenceKind.Stopped, null, null, entry)));
        rows.AddRange(stopped.OrderBy(r => r.DrugName, StringComparer.OrdinalIgnoreCase));
        return new MedicationComparison(rows, MedicationComparison.BasisOf(discharge, local, national));
    }

    /// <summary>Whether two lines say the same strength and dose: by the structured daily dose where both have one, else by the written texts.</summary>
    public static bool SameDose(ReconciledDrug a, ReconciledDrug b)
    {
        if (!string.Equals(Words(a.Strength), Words(b.Strength), StringComparison.Ordinal))
            return false;
        if (a.DailyDoseAmount is { } x && b.DailyDoseAmount is { } y)
            return x == y && string.Equals(a.DailyDoseUnit?.Trim(), b.DailyDoseUnit?.Trim(), StringComparison.OrdinalIgnoreCase);
        return string.Equals(Words(a.DoseText), Words(b.DoseText), StringComparison.Ordinal);
    }

    private static MedicationDifference Row(ReconciledDrug line, ReconciledDrug? local, ReconciledDrug? national)
    {
        var current = local ?? national;
        var kind = current is null ? DifferenceKind.New : SameDose(line, current) ? DifferenceKind.Unchanged : DifferenceKind.DoseChanged;
        return new MedicationDifference(kind, line, local, national);
    }

    private static ReconciledDrug? Take(List<ReconciledDrug> from, ReconciledDrug like, bool byName)
    {
        var index = from.FindIndex(d => byName ? SameName(d, like) : SameAtc(d, like));
        if (index < 0)
            return null;
        var found = from[index];
        from.RemoveAt(index);
        return found;
    }

    private static bool SameAtc(ReconciledDrug a, ReconciledDrug b) =>
        !string.IsNullOrWhiteSpace(a.AtcCode) && string.Equals(a.AtcCode.Trim(), b.AtcCode?.Trim(), StringComparison.OrdinalIgnoreCase);

    private static bool SameName(ReconciledDrug a, ReconciledDrug b) => string.Equals(Words(a.DrugName), Words(b.DrugName), StringComparison.Ordinal);

    /// <summary>A text compared without case and spacing ("5 mg" is "5mg"); nothing and blank are the same.</summary>
    private static string Words(string? text) =>
        string.Concat((text ?? "").Where(c => !char.IsWhiteSpace(c))).ToLowerInvariant().Replace(',', '.');
}
