using System.Security.Cryptography;
using System.Text;

namespace CareWorkspace.Domain.Medicines.Reconciliation;

/// <summary>
/// The reconciliation's rows, and the basis they were computed from: a fingerprint of every line and entry compared in the
/// version compared, so finishing against lists that changed meanwhile is refused.
/// </summary>
public sealed record MedicationComparison(IReadOnlyList<MedicationDifference> Rows, string Basis)
{
    /// <summary>The fingerprint of the three lists: the same lines and entries in the same versions give the same basis.</summary>
    public static string BasisOf(IEnumerable<ReconciledDrug> discharge, IEnumerable<ReconciledDrug> local, IEnumerable<ReconciledDrug> national)
    {
        var parts = discharge.Select(d => $"d:{d.Id:N}:{d.VersionTag}")
            .Concat(local.Select(l => $"l:{l.Id:N}:{l.VersionTag}"))
            .Concat(national.Select(n => $"n:{n.Id:N}:{n.VersionTag}"))
            .Order(StringComparer.Ordinal);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', parts))))[..32];
    }
}
