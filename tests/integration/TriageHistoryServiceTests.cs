using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Common;
using CareWorkspace.Domain.Triage;
using CareWorkspace.Infrastructure.Triage;
using CareWorkspace.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CareWorkspace.IntegrationTests;

/// <summary>A citizen's NEWS2/TOBS history (the triage section's chart and table) on a real database: in order, with scores, colours and who; guarded and logged.</summary>
public abstract class TriageHistoryServiceTests(CareAppFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<T> WithAsync<T>(Func<TriageService, Task<T>> work)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<TriageService>());
    }

    [Fact]
    public async Task The_history_has_each_change_form_oldest_first_with_scores_colour_and_who_and_the_read_is_logged()
    {
        var jensId = await factory.JensIdAsync(Ct);
        var worker = await factory.ActorAsync("careworker.berg", Ct);
        var gp = await factory.ActorAsync("gp.larsen", Ct);
        var calm = await WithAsync(s => s.RecordAsync(worker, jensId, new ChangeFormInput([new ItemAnswer("mood", false)],
            new VitalSigns(Pulse: 72, RespiratoryRate: 14, SystolicBloodPressure: 130, Temperature: 36.8m, OxygenSaturation: 97, Consciousness: Consciousness.Alert)), Ct));
        var worrying = await WithAsync(s => s.RecordAsync(worker, jensId, new ChangeFormInput([new ItemAnswer("thirst", true, "Drinks very little")],
            new VitalSigns(Pulse: 112, RespiratoryRate: 22, SystolicBloodPressure: 105, Temperature: 38.6m, OxygenSaturation: 95, Consciousness: Consciousness.Alert)), Ct));
        var readsBefore = await AccessTestData.CountRecordsAsync(factory, gp.UserId, jensId, allowed: true, PatientSection.Triage, Ct);

        var history = await WithAsync(s => s.GetHistoryAsync(gp, jensId, CopenhagenTime.Today(TimeProvider.System).AddDays(-180), Ct));

        var mine = history.Observations.Where(o => o.Id == calm.Id || o.Id == worrying.Id).ToList();
        Assert.Equal([calm.Id, worrying.Id], mine.Select(o => o.Id));
        Assert.Equal(((int?)0, (int?)0, TriageColour.Green), (mine[0].News2Total, mine[0].TobsTotal, mine[0].Colour));
        Assert.Equal((7, 5, TriageColour.Red), (mine[1].News2Total!.Value, mine[1].TobsTotal!.Value, mine[1].Colour));
        Assert.All(mine, o => Assert.Equal(worker.DisplayName, o.RecordedByName));
        Assert.Equal(history.Observations.OrderBy(o => o.RecordedAt).Select(o => o.Id), history.Observations.Select(o => o.Id));
        Assert.True(await AccessTestData.CountRecordsAsync(factory, gp.UserId, jensId, allowed: true, PatientSection.Triage, Ct) > readsBefore);
    }

    [Fact]
    public async Task The_history_starts_at_the_day_asked_and_is_refused_outside_the_care_team()
    {
        var jensId = await factory.JensIdAsync(Ct);
        var gp = await factory.ActorAsync("gp.larsen", Ct);
        var outsider = await factory.ActorAsync("nurse.roskilde", Ct);
        var refusedBefore = await AccessTestData.CountRecordsAsync(factory, outsider.UserId, jensId, allowed: false, PatientSection.Triage, Ct);

        var fromTomorrow = await WithAsync(s => s.GetHistoryAsync(gp, jensId, CopenhagenTime.Today(TimeProvider.System).AddDays(1), Ct));
        await Assert.ThrowsAsync<PatientAccessDeniedException>(() => WithAsync(s => s.GetHistoryAsync(outsider, jensId, null, Ct)));

        Assert.Empty(fromTomorrow.Observations);
        Assert.Equal(refusedBefore + 1, await AccessTestData.CountRecordsAsync(factory, outsider.UserId, jensId, allowed: false, PatientSection.Triage, Ct));
    }
}

public sealed class TriageHistoryServiceTests_Sqlite(SqliteAppFactory factory) : TriageHistoryServiceTests(factory), IClassFixture<SqliteAppFactory>;

public sealed class TriageHistoryServiceTests_PostgreSql(PostgreSqlAppFactory factory) : TriageHistoryServiceTests(factory), IClassFixture<PostgreSqlAppFactory>;
