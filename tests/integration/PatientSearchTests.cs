using CareWorkspace.Domain.Access;
using CareWorkspace.IntegrationTests.Infrastructure;
using CareWorkspace.Web.Features.Patients;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareWorkspace.IntegrationTests;

/// <summary>Patient search finds only patients the user has a care relationship with, by name or full CPR.</summary>
public abstract class PatientSearchTests(CareAppFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("Jens")]
    [InlineData("jens jensen")]
    [InlineData("120352-1235")]
    [InlineData("1203521235")]
    public async Task The_GP_finds_Jens(string text)
    {
        var result = await SearchAsync("gp.larsen", text);

        Assert.Null(result.Problem);
        var jens = Assert.Single(result.Items, i => i.Cpr == "120352-1235");
        Assert.Equal("Jens Jensen", jens.Name);
    }

    [Fact]
    public async Task Searching_by_CPR_finds_exactly_that_patient()
    {
        var result = await SearchAsync("gp.larsen", "120352-1235");

        Assert.Equal(1, result.TotalCount);
        Assert.Equal("Jens Jensen", Assert.Single(result.Items).Name);
    }

    [Theory]
    [InlineData("Jens Jensen")]
    [InlineData("120352-1235")]
    public async Task A_nurse_of_another_municipality_does_not_find_Jens(string text)
    {
        var result = await SearchAsync("nurse.roskilde", text);

        Assert.Null(result.Problem);
        Assert.DoesNotContain(result.Items, i => i.Cpr == "120352-1235");
        Assert.Equal(0, result.TotalCount);
    }

    [Fact]
    public async Task The_nurse_of_another_municipality_finds_her_own_citizens()
    {
        var result = await SearchAsync("nurse.roskilde", "");

        Assert.Null(result.Problem);
        Assert.NotEmpty(result.Items);
        Assert.DoesNotContain(result.Items, i => i.Name == "Jens Jensen");
    }

    [Theory]
    [InlineData("320352-1235")]
    [InlineData("12035212a5")]
    [InlineData("120352")]
    public async Task A_malformed_CPR_gives_a_clear_problem_and_no_exception(string text)
    {
        var result = await SearchAsync("gp.larsen", text);

        Assert.False(string.IsNullOrWhiteSpace(result.Problem));
        Assert.Empty(result.Items);
        Assert.Equal(0, result.TotalCount);
    }

    [Fact]
    public async Task A_search_logs_one_record_per_patient_shown()
    {
        var gp = await factory.ActorAsync("gp.larsen", Ct);
        var jensId = await factory.JensIdAsync(Ct);
        var before = await CountSearchRecordsAsync(gp.UserId, jensId);

        await SearchAsync("gp.larsen", "120352-1235");

        Assert.Equal(before + 1, await CountSearchRecordsAsync(gp.UserId, jensId));
    }

    [Theory]
    [InlineData("Åse")]
    [InlineData("åse")]
    [InlineData("ÅSE RASMUSSEN")]
    public async Task Search_finds_names_with_Danish_letters_in_any_case(string text)
    {
        var result = await SearchAsync("gp.larsen", text);

        Assert.Null(result.Problem);
        Assert.Contains(result.Items, i => i.Name == "Åse Rasmussen");
    }

    [Fact]
    public async Task Pages_are_disjoint_and_together_hold_every_patient()
    {
        const int pageSize = 7;
        var first = await SearchAsync("gp.larsen", "", page: 0, pageSize: pageSize);
        Assert.Null(first.Problem);
        Assert.True(first.TotalCount > 3 * pageSize, $"The GP should have more than {3 * pageSize} patients, has {first.TotalCount}.");

        var seen = new HashSet<Guid>();
        var pages = (first.TotalCount + pageSize - 1) / pageSize;
        for (var page = 0; page < pages; page++)
        {
            var result = page == 0 ? first : await SearchAsync("gp.larsen", "", page, pageSize);
            Assert.Equal(first.TotalCount, result.TotalCount);
            Assert.Equal(page < pages - 1 ? pageSize : first.TotalCount - (pages - 1) * pageSize, result.Items.Count);
            foreach (var item in result.Items)
                Assert.True(seen.Add(item.Id), $"{item.Name} appears on more than one page.");
        }
        Assert.Equal(first.TotalCount, seen.Count);
        Assert.Empty((await SearchAsync("gp.larsen", "", pages, pageSize)).Items);
    }

    [Theory]
    [InlineData(-1, 10)]
    [InlineData(0, 0)]
    [InlineData(0, PatientDirectoryService.MaxPageSize + 1)]
    public async Task Bad_paging_gives_a_problem(int page, int pageSize)
    {
        var result = await SearchAsync("gp.larsen", "Jens", page, pageSize);

        Assert.False(string.IsNullOrWhiteSpace(result.Problem));
        Assert.Empty(result.Items);
    }

    private async Task<PatientSearchResult> SearchAsync(string userName, string text, int page = 0, int pageSize = 20)
    {
        var actor = await factory.ActorAsync(userName, Ct);
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PatientDirectoryService>().SearchAsync(actor, text, page, pageSize, Ct);
    }

    private async Task<int> CountSearchRecordsAsync(string userId, Guid patientId)
    {
        await using var db = await factory.CreateDbContextAsync(Ct);
        return await db.AccessRecords.AsNoTracking()
            .CountAsync(r => r.UserId == userId && r.PatientId == patientId && r.Action == AccessAction.Search && r.Allowed, Ct);
    }
}

public sealed class PatientSearchTests_Sqlite(SqliteAppFactory factory) : PatientSearchTests(factory), IClassFixture<SqliteAppFactory>;

public sealed class PatientSearchTests_PostgreSql(PostgreSqlAppFactory factory) : PatientSearchTests(factory), IClassFixture<PostgreSqlAppFactory>;
