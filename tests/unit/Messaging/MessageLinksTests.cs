using CareWorkspace.Web.Features.Messages;

namespace CareWorkspace.UnitTests.Messaging;

/// <summary>The link to one message thread (from a triage escalation) and reading it back on the messages section.</summary>
public sealed class MessageLinksTests
{
    [Fact]
    public void A_thread_link_names_the_thread_the_messages_section_opens()
    {
        var patientId = Guid.NewGuid();
        var threadId = Guid.NewGuid();

        var link = MessageLinks.Thread(patientId, threadId);

        Assert.Equal($"patients/{patientId}/messages?thread={threadId}", link);
        Assert.Equal(threadId, MessageLinks.ThreadIn("https://care.example/" + link));
    }

    [Theory]
    [InlineData("https://care.example/patients/1/messages")]
    [InlineData("https://care.example/patients/1/messages?thread=not-a-guid")]
    [InlineData("https://care.example/patients/1/messages?other=1")]
    public void An_address_without_a_valid_thread_names_none(string uri) => Assert.Null(MessageLinks.ThreadIn(uri));
}
