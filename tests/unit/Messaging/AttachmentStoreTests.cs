using CareWorkspace.Domain.Common;
using CareWorkspace.Domain.Messaging;
using CareWorkspace.Infrastructure.Attachments;

namespace CareWorkspace.UnitTests.Messaging;

public sealed class AttachmentStoreTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"cw-attachments-{Guid.NewGuid():N}");
    private readonly AttachmentStore _store;

    public AttachmentStoreTests() => _store = new AttachmentStore(Path.Combine(_root, "attachments"));

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string[] StoredFiles => Directory.GetFiles(_store.Folder);

    [Fact]
    public async Task SaveAsync_SmallPdf_StoresItUnderRandomKeyOutsideWebRoot()
    {
        using var content = new MemoryStream(SampleFiles.Pdf);

        var (file, key) = await _store.SaveAsync("discharge.pdf", content, content.Length, Ct);

        var path = Path.Combine(_store.Folder, key);
        Assert.True(File.Exists(path));
        Assert.Equal(SampleFiles.Pdf.Length, new FileInfo(path).Length);
        Assert.Equal(new AttachmentCheck("discharge.pdf", "application/pdf", SampleFiles.Pdf.Length), file);
        Assert.Matches("^[0-9a-f]{32}$", key);
        Assert.DoesNotContain("wwwroot", Path.GetFullPath(path).Split(Path.DirectorySeparatorChar), StringComparer.OrdinalIgnoreCase);
        Assert.Equal([path], StoredFiles);
    }

    [Fact]
    public async Task Open_StoredKey_ReturnsTheSameBytes()
    {
        using var content = new MemoryStream(SampleFiles.Png);
        var (_, key) = await _store.SaveAsync("wound.png", content, content.Length, Ct);

        await using var stored = _store.Open(key);
        using var copy = new MemoryStream();
        await stored.CopyToAsync(copy, Ct);

        Assert.Equal(SampleFiles.Png, copy.ToArray());
    }

    [Fact]
    public async Task SaveAsync_DisguisedExecutable_RefusedAndLeavesNoFile()
    {
        using var content = new MemoryStream(SampleFiles.Exe);

        await Assert.ThrowsAsync<DomainException>(() => _store.SaveAsync("letter.pdf", content, content.Length, Ct));

        Assert.Empty(StoredFiles);
    }

    [Fact]
    public async Task SaveAsync_StreamLargerThanDeclared_RefusedAndLeavesNoFile()
    {
        var bytes = new byte[AttachmentPolicy.MaxBytes + 1];
        SampleFiles.Pdf.CopyTo(bytes, 0);
        using var content = new MemoryStream(bytes);

        var ex = await Assert.ThrowsAsync<DomainException>(() => _store.SaveAsync("scan.pdf", content, declaredSize: 1000, Ct));

        Assert.Contains("at most", ex.Message, StringComparison.Ordinal);
        Assert.Empty(StoredFiles);
    }

    [Fact]
    public async Task SaveAsync_DeclaredOversize_RefusedBeforeReading()
    {
        using var content = new MemoryStream(SampleFiles.Pdf);

        await Assert.ThrowsAsync<DomainException>(() => _store.SaveAsync("scan.pdf", content, AttachmentPolicy.MaxBytes + 1, Ct));

        Assert.Equal(0, content.Position);
        Assert.Empty(StoredFiles);
    }

    [Fact]
    public async Task SaveAsync_EmptyStream_RefusedAndLeavesNoFile()
    {
        using var content = new MemoryStream();

        await Assert.ThrowsAsync<DomainException>(() => _store.SaveAsync("scan.pdf", content, 0, Ct));

        Assert.Empty(StoredFiles);
    }

    [Fact]
    public async Task SaveAsync_Cancelled_LeavesNoFile()
    {
        using var content = new MemoryStream(SampleFiles.Pdf);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _store.SaveAsync("scan.pdf", content, content.Length, cancelled.Token));

        Assert.Empty(StoredFiles);
    }

    [Theory]
    [InlineData("")]
    [InlineData("../../etc/passwd")]
    [InlineData("0123456789abcdef0123456789abcde")]
    [InlineData("0123456789abcdef0123456789abcdef0")]
    [InlineData("0123456789ABCDEF0123456789ABCDEF")]
    [InlineData("0123456789abcdef0123456789abcd/.")]
    [InlineData("..\\..\\..\\..\\..\\windows\\win.ini")]
    public void Open_MalformedKey_Refused(string key)
    {
        var ex = Assert.Throws<DomainException>(() => _store.Open(key));

        Assert.Equal("Unknown attachment.", ex.Message);
    }

    [Fact]
    public async Task Delete_StoredKey_RemovesFile()
    {
        using var content = new MemoryStream(SampleFiles.Pdf);
        var (_, key) = await _store.SaveAsync("scan.pdf", content, content.Length, Ct);

        _store.Delete(key);

        Assert.Empty(StoredFiles);
    }

    [Fact]
    public void Delete_MalformedKey_TouchesNothingOutsideTheFolder()
    {
        var outside = Path.Combine(_root, "keep.txt");
        File.WriteAllText(outside, "keep");

        _store.Delete("../keep.txt");

        Assert.True(File.Exists(outside));
    }
}
