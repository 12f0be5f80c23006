using CareWorkspace.Domain.Common;
using CareWorkspace.Domain.Messaging;

namespace CareWorkspace.Infrastructure.Attachments;

/// <summary>
/// Keeps attachment bytes in a folder outside the web root, under random names; nothing there is ever served
/// directly, only through the authorised download endpoint.
/// </summary>
public sealed class AttachmentStore(string folder)
{
    public string Folder { get; } = Directory.CreateDirectory(folder).FullName;

    /// <summary>Checks the file against <see cref="AttachmentPolicy"/> by its content, then stores it.</summary>
    public async Task<(AttachmentCheck File, string StorageKey)> SaveAsync(string fileName, Stream content, long declaredSize, CancellationToken ct = default)
    {
        if (declaredSize > AttachmentPolicy.MaxBytes)
            AttachmentPolicy.Check(fileName, declaredSize, []);

        var key = Guid.NewGuid().ToString("N");
        var path = Path.Combine(Folder, key);
        long written = 0;
        var head = new byte[AttachmentPolicy.SniffLength];
        var headLength = 0;
        try
        {
            await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                var buffer = new byte[81920];
                int read;
                while ((read = await content.ReadAsync(buffer, ct)) > 0)
                {
                    if (headLength < head.Length)
                    {
                        var take = Math.Min(head.Length - headLength, read);
                        Array.Copy(buffer, 0, head, headLength, take);
                        headLength += take;
                    }
                    written += read;
                    // Stop reading an oversized upload at once, whatever size the client declared.
                    if (written > AttachmentPolicy.MaxBytes)
                        AttachmentPolicy.Check(fileName, written, head.AsSpan(0, headLength));
                    await file.WriteAsync(buffer.AsMemory(0, read), ct);
                }
            }
            var check = AttachmentPolicy.Check(fileName, written, head.AsSpan(0, headLength));
            return (check, key);
        }
        catch
        {
            File.Delete(path);
            throw;
        }
    }

    public Stream Open(string storageKey)
    {
        if (storageKey.Length != 32 || !storageKey.All(char.IsAsciiHexDigitLower))
            throw new DomainException("Unknown attachment.");
        return new FileStream(Path.Combine(Folder, storageKey), FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
    }

    public void Delete(string storageKey)
    {
        if (storageKey.Length == 32 && storageKey.All(char.IsAsciiHexDigitLower))
            File.Delete(Path.Combine(Folder, storageKey));
    }
}
