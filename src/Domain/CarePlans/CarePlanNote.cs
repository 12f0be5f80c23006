using CareWorkspace.Domain.Common;

namespace CareWorkspace.Domain.CarePlans;

/// <summary>A note on the plan, with who wrote it and when; notes are added, never edited.</summary>
public sealed class CarePlanNote
{
    public const int TextMaxLength = 2000;

    public Guid Id { get; private set; } = Guid.NewGuid();
    public string Text { get; private set; } = "";
    public string WrittenBy { get; private set; } = "";
    public DateTimeOffset WrittenAt { get; private set; }

    private CarePlanNote() { }

    internal CarePlanNote(string? text, ChangeStamp stamp)
    {
        Text = Guard.Required(text, "Note", TextMaxLength);
        WrittenBy = Guard.Required(stamp.ByName, "Written by", CarePlan.ChangedByMaxLength);
        WrittenAt = stamp.At.ToUniversalTime();
    }

    internal NoteSnapshot Snapshot() => new(Id, Text, WrittenBy, WrittenAt);
}
