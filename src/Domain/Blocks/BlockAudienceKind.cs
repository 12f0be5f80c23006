namespace CareWorkspace.Domain.Blocks;

/// <summary>Whom a block keeps the data from.</summary>
public enum BlockAudienceKind
{
    /// <summary>The organisations the patient chose.</summary>
    Organisations,

    /// <summary>Every organisation of the sectors the patient chose (also ones that join the care team later).</summary>
    Sectors,

    /// <summary>Everyone outside the organisation that recorded the item (for one item only).</summary>
    OutsideRecordingOrganisation,
}
