using System.Net;
using CareWorkspace.IntegrationTests.Infrastructure;
using CareWorkspace.Web.Features.Messages;
using Microsoft.Extensions.DependencyInjection;

namespace CareWorkspace.IntegrationTests;

/// <summary>GET /attachments/{id}: the only way to an attachment's bytes, after the same access check as its thread.</summary>
public abstract class AttachmentEndpointTests(CareAppFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_GP_downloads_the_bytes_as_an_attachment_that_the_browser_must_not_sniff()
    {
        var attachmentId = await AttachPdfAsync("epikrise.pdf");
        var (client, _) = await HttpSignIn.SignInAsync(factory, "gp.larsen", Ct);
        using (client)
        {
            using var response = await client.GetAsync($"/attachments/{attachmentId}", Ct);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(PathwayTestData.PdfBytes, await response.Content.ReadAsByteArrayAsync(Ct));
            Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
            var disposition = response.Content.Headers.ContentDisposition;
            Assert.NotNull(disposition);
            Assert.Equal("attachment", disposition.DispositionType);
            Assert.Equal("epikrise.pdf", disposition.FileNameStar ?? disposition.FileName?.Trim('"'));
            Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
            Assert.Equal("default-src 'none'; sandbox", Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
        }
    }

    [Fact]
    public async Task A_nurse_without_a_care_relationship_gets_403_and_no_bytes()
    {
        var attachmentId = await AttachPdfAsync("epikrise.pdf");
        var (client, _) = await HttpSignIn.SignInAsync(factory, "nurse.roskilde", Ct);
        using (client)
        {
            using var response = await client.GetAsync($"/attachments/{attachmentId}", Ct);

            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.DoesNotContain("%PDF-", await response.Content.ReadAsStringAsync(Ct));
        }
    }

    [Fact]
    public async Task An_anonymous_request_gets_no_bytes()
    {
        var attachmentId = await AttachPdfAsync("epikrise.pdf");
        using var client = HttpSignIn.NewClient(factory);

        using var response = await client.GetAsync($"/attachments/{attachmentId}", Ct);

        Assert.Contains(response.StatusCode, new[] { HttpStatusCode.Unauthorized, HttpStatusCode.Redirect });
        Assert.DoesNotContain("%PDF-", await response.Content.ReadAsStringAsync(Ct));
    }

    /// <summary>The GP starts a staff-only thread on Jens with one PDF and returns the attachment's id.</summary>
    private async Task<Guid> AttachPdfAsync(string fileName)
    {
        var gp = await factory.ActorAsync("gp.larsen", Ct);
        var jensId = await factory.JensIdAsync(Ct);
        await using var scope = factory.Services.CreateAsyncScope();
        var messages = scope.ServiceProvider.GetRequiredService<MessageService>();
        var threadId = await messages.StartThreadAsync(gp, jensId, PathwayTestData.Thread(), [PathwayTestData.Pdf(fileName)], Ct);
        return Assert.Single(Assert.Single((await messages.OpenThreadAsync(gp, threadId, Ct)).Messages).Attachments).Id;
    }
}

public sealed class AttachmentEndpointTests_Sqlite(SqliteAppFactory factory) : AttachmentEndpointTests(factory), IClassFixture<SqliteAppFactory>;

public sealed class AttachmentEndpointTests_PostgreSql(PostgreSqlAppFactory factory) : AttachmentEndpointTests(factory), IClassFixture<PostgreSqlAppFactory>;
