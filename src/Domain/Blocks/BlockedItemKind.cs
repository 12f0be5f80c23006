namespace CareWorkspace.Domain.Blocks;

/// <summary>The kinds of single item a patient can block (each is an item that exists in the record today).</summary>
public enum BlockedItemKind
{
    /// <summary>An appointment in the joint calendar (and its iCal feed).</summary>
    Appointment,

    /// <summary>An entry on the timeline, e.g. a hospital admission or discharge.</summary>
    TimelineEntry,

    /// <summary>A condition (diagnosis) on the patient's record.</summary>
    Condition,

    /// <summary>A document attached to a message.</summary>
    Attachment,
}
