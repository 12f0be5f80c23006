using CareWorkspace.Domain.Common;
using CareWorkspace.Domain.Messaging;

namespace CareWorkspace.UnitTests.Messaging;

public sealed class AttachmentPolicyTests
{
    public static TheoryData<string, byte[], string> AcceptedFiles => new()
    {
        { "discharge letter.pdf", SampleFiles.Pdf, "application/pdf" },
        { "wound.png", SampleFiles.Png, "image/png" },
        { "wound.jpg", SampleFiles.Jpeg, "image/jpeg" },
        { "wound.JPEG", SampleFiles.Jpeg, "image/jpeg" },
        { "exercise.gif", SampleFiles.Gif, "image/gif" },
        { "rash.webp", SampleFiles.WebP, "image/webp" },
    };

    public static TheoryData<string, byte[]> DisguisedFiles => new()
    {
        { "letter.pdf", SampleFiles.Exe },
        { "letter.pdf", SampleFiles.ShellScript },
        { "letter.pdf", SampleFiles.HtmlScript },
        { "photo.png", SampleFiles.Exe },
        { "photo.jpg", SampleFiles.HtmlScript },
    };

    private static AttachmentCheck Check(string? name, byte[] content) =>
        AttachmentPolicy.Check(name, content.Length, content.AsSpan(0, Math.Min(content.Length, AttachmentPolicy.SniffLength)));

    [Theory]
    [MemberData(nameof(AcceptedFiles))]
    public void Check_PdfOrImageByMagicBytes_Accepted(string name, byte[] content, string contentType)
    {
        var result = Check(name, content);

        Assert.Equal(new AttachmentCheck(name, contentType, content.Length), result);
    }

    [Theory]
    [MemberData(nameof(DisguisedFiles))]
    public void Check_ExecutableOrScriptRenamed_Refused(string name, byte[] content)
    {
        var ex = Assert.Throws<DomainException>(() => Check(name, content));

        Assert.Contains("is not a PDF or an image", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_ImageNamedPdf_RefusedNamingBoth()
    {
        var ex = Assert.Throws<DomainException>(() => Check("letter.pdf", SampleFiles.Png));

        Assert.Contains(".pdf", ex.Message, StringComparison.Ordinal);
        Assert.Contains("image/png", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_PdfWithoutExtension_Refused()
    {
        var ex = Assert.Throws<DomainException>(() => Check("letter", SampleFiles.Pdf));

        Assert.Contains("without extension", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_TooShortToSniff_Refused()
    {
        Assert.Throws<DomainException>(() => AttachmentPolicy.Check("letter.pdf", 3, "%PD"u8));
    }

    [Fact]
    public void Check_OneByteOverLimit_RefusedNamingTheLimit()
    {
        var ex = Assert.Throws<DomainException>(() => AttachmentPolicy.Check("scan.pdf", AttachmentPolicy.MaxBytes + 1, SampleFiles.Pdf));

        Assert.Contains($"at most {AttachmentPolicy.MaxBytes / 1024 / 1024} MB", ex.Message, StringComparison.Ordinal);
        Assert.Contains("scan.pdf", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_ExactlyAtLimit_Accepted()
    {
        var result = AttachmentPolicy.Check("scan.pdf", AttachmentPolicy.MaxBytes, SampleFiles.Pdf.AsSpan(0, AttachmentPolicy.SniffLength));

        Assert.Equal(AttachmentPolicy.MaxBytes, result.Size);
    }

    [Fact]
    public void Check_Empty_Refused()
    {
        var ex = Assert.Throws<DomainException>(() => AttachmentPolicy.Check("scan.pdf", 0, []));

        Assert.Contains("is empty", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("../")]
    [InlineData("folder/")]
    public void Check_NoFileName_Refused(string? name)
    {
        var ex = Assert.Throws<DomainException>(() => Check(name, SampleFiles.Pdf));

        Assert.Contains("has no file name", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_FileNameTooLong_Refused()
    {
        var ex = Assert.Throws<DomainException>(() => Check(new string('a', 197) + ".pdf", SampleFiles.Pdf));

        Assert.Contains("too long", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../../etc/passwd.pdf", "passwd.pdf")]
    [InlineData("/var/data/letter.pdf", "letter.pdf")]
    [InlineData("  letter.pdf  ", "letter.pdf")]
    public void Check_NameWithPath_KeepsOnlyFileName(string name, string expected)
    {
        Assert.Equal(expected, Check(name, SampleFiles.Pdf).FileName);
    }
}
