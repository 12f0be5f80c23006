using Bunit;
using CareWorkspace.Domain.Messaging;
using CareWorkspace.Web.Features.Messages;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;

namespace CareWorkspace.UnitTests.Components;

public sealed class AttachmentPickerTests : BunitTestBase
{
    private IRenderedComponent<AttachmentPicker> RenderPicker()
    {
        Render<MudPopoverProvider>();
        return Render<AttachmentPicker>();
    }

    private static InputFileContent[] Files(int count) =>
        Enumerable.Range(1, count).Select(i => InputFileContent.CreateFromText("%PDF-1.4", $"letter-{i}.pdf", contentType: "application/pdf")).ToArray();

    [Fact]
    public void Choose_MoreFilesThanAllowed_KeepsWhatFitsAndSaysWhy()
    {
        var cut = RenderPicker();

        cut.FindComponent<InputFile>().UploadFiles(Files(AttachmentPolicy.MaxPerMessage + 3));

        Assert.Equal(AttachmentPolicy.MaxPerMessage, cut.FindAll("[data-testid=attachment-chip]").Count);
        Assert.Equal(AttachmentPolicy.MaxPerMessage, cut.Instance.Files.Count);
        Assert.Contains($"at most {AttachmentPolicy.MaxPerMessage} attachments, so 3 of the {AttachmentPolicy.MaxPerMessage + 3} files you chose were not added",
            cut.Find("[data-testid=attachment-problem]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Choose_AgainWhenFull_AddsNothingAndSaysWhy()
    {
        var cut = RenderPicker();
        var input = cut.FindComponent<InputFile>();
        input.UploadFiles(Files(AttachmentPolicy.MaxPerMessage));
        Assert.Empty(cut.FindAll("[data-testid=attachment-problem]"));

        input.UploadFiles(Files(1));

        Assert.Equal(AttachmentPolicy.MaxPerMessage, cut.Instance.Files.Count);
        Assert.Contains("1 of the 1 files you chose were not added", cut.Find("[data-testid=attachment-problem]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Choose_WithinTheLimit_AddsAllWithoutAWarning()
    {
        var cut = RenderPicker();

        cut.FindComponent<InputFile>().UploadFiles(Files(2));

        Assert.Equal(["letter-1.pdf", "letter-2.pdf"], cut.Instance.Files.Select(f => f.FileName));
        Assert.Empty(cut.FindAll("[data-testid=attachment-problem]"));
    }
}
