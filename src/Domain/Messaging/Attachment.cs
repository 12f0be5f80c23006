namespace CareWorkspace.Domain.Messaging;

/// <summary>A file sent with a message. The bytes live in the attachment store, outside the web root.</summary>
public sealed class Attachment
{
    public Guid Id { get; private set; } = Guid.NewGuid();
    public string FileName { get; private set; } = "";
    public string ContentType { get; private set; } = "";
    public long Size { get; private set; }
    public string StorageKey { get; private set; } = "";

    private Attachment() { }

    internal Attachment(AttachmentCheck checkedFile, string storageKey)
    {
        FileName = checkedFile.FileName;
        ContentType = checkedFile.ContentType;
        Size = checkedFile.Size;
        StorageKey = storageKey;
    }
}
