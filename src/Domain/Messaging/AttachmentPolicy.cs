using CareWorkspace.Domain.Common;

namespace CareWorkspace.Domain.Messaging;

/// <summary>A file that passed <see cref="AttachmentPolicy"/>: its type comes from its content, not its name.</summary>
public sealed record AttachmentCheck(string FileName, string ContentType, long Size);

/// <summary>
/// Only PDF documents and images may be attached, up to <see cref="MaxBytes"/>. The type is decided by
/// sniffing the first bytes, so a renamed executable or script is refused whatever its file name says.
/// </summary>
public static class AttachmentPolicy
{
    public const long MaxBytes = 10 * 1024 * 1024;
    public const int MaxPerMessage = 5;
    public const int SniffLength = 12;

    private static readonly Dictionary<string, string[]> ExtensionsByType = new()
    {
        ["application/pdf"] = [".pdf"],
        ["image/png"] = [".png"],
        ["image/jpeg"] = [".jpg", ".jpeg"],
        ["image/gif"] = [".gif"],
        ["image/webp"] = [".webp"],
    };

    public static AttachmentCheck Check(string? fileName, long size, ReadOnlySpan<byte> head)
    {
        // Browsers on Windows may send a full path: strip both kinds of separator.
        var name = Path.GetFileName((fileName ?? "").Trim().Replace('\\', '/'));
        if (name.Length == 0)
            throw new DomainException("The attachment has no file name.");
        if (name.Length > 200)
            throw new DomainException("The attachment's file name is too long (at most 200 characters).");
        if (size <= 0)
            throw new DomainException("'{0}' is empty.", name);
        if (size > MaxBytes)
            throw new DomainException("'{0}' is {1:0.0} MB; attachments may be at most {2} MB.", name, size / 1024.0 / 1024.0, MaxBytes / 1024 / 1024);

        var sniffed = Sniff(head)
            ?? throw new DomainException("'{0}' is not a PDF or an image (PNG, JPEG, GIF, WebP). Only those can be attached.", name);
        var extension = Path.GetExtension(name).ToLowerInvariant();
        if (!ExtensionsByType[sniffed].Contains(extension))
            throw (extension.Length == 0
                ? new DomainException("'{0}' is named as a file without extension but its content is {1}. Rename it or attach the right file.", name, sniffed)
                : new DomainException("'{0}' is named as {1} but its content is {2}. Rename it or attach the right file.", name, extension, sniffed));
        return new AttachmentCheck(name, sniffed, size);
    }

    public static string? Sniff(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith("%PDF-"u8))
            return "application/pdf";
        if (head.StartsWith(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }))
            return "image/png";
        if (head.StartsWith(new byte[] { 0xFF, 0xD8, 0xFF }))
            return "image/jpeg";
        if (head.StartsWith("GIF87a"u8) || head.StartsWith("GIF89a"u8))
            return "image/gif";
        if (head.Length >= 12 && head[..4].SequenceEqual("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8))
            return "image/webp";
        return null;
    }
}
