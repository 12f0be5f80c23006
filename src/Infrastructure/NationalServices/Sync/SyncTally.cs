using CareWorkspace.Domain.NationalSync;

namespace CareWorkspace.Infrastructure.NationalServices.Sync;

/// <summary>What a sync run has done so far, counted as it goes.</summary>
internal sealed class SyncTally
{
    public int Read { get; set; }
    public int Imported { get; set; }
    public int Rejected { get; set; }
    public int Parked { get; set; }

    public SyncCounts ToCounts() => new(Read, Imported, Rejected, Parked);
}
