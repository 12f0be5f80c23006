using System.Net;
using CareWorkspace.IntegrationTests.Infrastructure;

namespace CareWorkspace.IntegrationTests.Jobs;

/// <summary>The Hangfire dashboard at /jobs shows job arguments and failures: administrators only.</summary>
public sealed class JobsDashboardTests(SqliteAppFactory factory) : IClassFixture<SqliteAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_administrator_sees_the_dashboard()
    {
        var (client, _) = await HttpSignIn.SignInAsync(factory, "admin", Ct);
        using var _client = client;

        var response = await client.GetAsync("/jobs", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("CareWorkspace jobs", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Anonymous_visitors_are_refused()
    {
        using var client = HttpSignIn.NewClient(factory);

        var response = await client.GetAsync("/jobs", Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain("CareWorkspace jobs", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("hospital.doctor")]
    [InlineData("gp.larsen")]
    [InlineData("gp.secretary")]
    [InlineData("nurse.holm")]
    [InlineData("ulla")]
    [InlineData("jens")]
    public async Task Every_other_role_is_refused_also_on_the_dashboards_inner_pages(string userName)
    {
        var (client, _) = await HttpSignIn.SignInAsync(factory, userName, Ct);
        using var _client = client;

        foreach (var page in new[] { "/jobs", "/jobs/recurring", "/jobs/jobs/failed" })
        {
            var response = await client.GetAsync(page, Ct);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{userName} GET {page}: {(int)response.StatusCode}");
            Assert.DoesNotContain("CareWorkspace jobs", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }
    }
}
