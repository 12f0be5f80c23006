using System.Text;

namespace CareWorkspace.UnitTests.Messaging;

/// <summary>The first bytes of real files of each kind, padded to a small whole file.</summary>
internal static class SampleFiles
{
    public static readonly byte[] Pdf = Pad("%PDF-1.7\n%âãÏÓ\n"u8);
    public static readonly byte[] Png = Pad([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D]);
    public static readonly byte[] Jpeg = Pad([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00, 0x01]);
    public static readonly byte[] Gif = Pad("GIF89a"u8);
    public static readonly byte[] WebP = Pad("RIFF\x24\x00\x00\x00WEBPVP8 "u8);

    /// <summary>A Windows executable: "MZ" and the DOS stub.</summary>
    public static readonly byte[] Exe = Pad([0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00]);
    public static readonly byte[] ShellScript = Encoding.UTF8.GetBytes("#!/bin/sh\nrm -rf / --no-preserve-root\n");
    public static readonly byte[] HtmlScript = Encoding.UTF8.GetBytes("<script>alert(document.cookie)</script>");

    private static byte[] Pad(ReadOnlySpan<byte> head)
    {
        var bytes = new byte[1024];
        head.CopyTo(bytes);
        return bytes;
    }
}
