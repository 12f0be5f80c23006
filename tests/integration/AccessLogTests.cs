using System.Reflection;
using CareWorkspace.Domain.Access;
using CareWorkspace.IntegrationTests.Infrastructure;
using CareWorkspace.Web.Features;
using CareWorkspace.Web.Features.Patients;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareWorkspace.IntegrationTests;

/// <summary>Every use of patient data, allowed or refused, leaves an access record.</summary>
public abstract class AccessLogTests(CareAppFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A way to call one public method of a patient data service as an actor who may do so.</summary>
    private sealed record Scenario(string UserName, AccessAction Action, Func<object, Actor, Guid, CancellationToken, Task> Invoke)
    {
        public static Scenario Of<TService>(string userName, AccessAction action, Func<TService, Actor, Guid, CancellationToken, Task> invoke) =>
            new(userName, action, (service, actor, patientId, ct) => invoke((TService)service, actor, patientId, ct));
    }

    /// <summary>
    /// One scenario per public method of every <see cref="IPatientDataService"/>, keyed by its signature.
    /// A new service or method fails <see cref="Every_patient_data_method_writes_an_access_record"/> until it gets one here.
    /// </summary>
    private static readonly Dictionary<string, Scenario> Scenarios = new()
    {
        ["PatientDirectoryService.SearchAsync(Actor, String, Int32, Int32, CancellationToken)"] =
            Scenario.Of<PatientDirectoryService>("gp.larsen", AccessAction.Search,
                (s, actor, _, ct) => s.SearchAsync(actor, "Jens Jensen", 0, 20, ct)),
        ["PatientOverviewService.GetAsync(Actor, Guid, CancellationToken)"] =
            Scenario.Of<PatientOverviewService>("nurse.holm", AccessAction.Read,
                (s, actor, patientId, ct) => s.GetAsync(actor, patientId, ct)),
    };

    private static IEnumerable<MethodInfo> PatientDataMethods() =>
        typeof(IPatientDataService).Assembly.GetTypes()
            .Where(t => t.IsClass && !t.IsAbstract && typeof(IPatientDataService).IsAssignableFrom(t))
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .OrderBy(Signature, StringComparer.Ordinal);

    private static string Signature(MethodInfo method) =>
        $"{method.DeclaringType!.Name}.{method.Name}({string.Join(", ", method.GetParameters().Select(p => p.ParameterType.Name))})";

    [Fact]
    public void Every_patient_data_method_has_an_access_log_scenario()
    {
        var methods = PatientDataMethods().Select(Signature).ToList();
        Assert.Contains("PatientOverviewService.GetAsync(Actor, Guid, CancellationToken)", methods);

        var missing = methods.Except(Scenarios.Keys).ToList();
        Assert.True(missing.Count == 0,
            "These public methods of IPatientDataService types have no access-log scenario in AccessLogTests.Scenarios: " + string.Join("; ", missing));
        var stale = Scenarios.Keys.Except(methods).ToList();
        Assert.True(stale.Count == 0, "These scenarios name methods that no longer exist: " + string.Join("; ", stale));
    }

    [Fact]
    public async Task Every_patient_data_method_writes_an_access_record()
    {
        var jensId = await factory.JensIdAsync(Ct);
        var methods = PatientDataMethods().ToList();
        Assert.NotEmpty(methods);
        var failures = new List<string>();

        foreach (var method in methods)
        {
            var signature = Signature(method);
            if (!Scenarios.TryGetValue(signature, out var scenario))
            {
                failures.Add($"{signature}: no scenario");
                continue;
            }
            var actor = await factory.ActorAsync(scenario.UserName, Ct);
            var before = await CountAsync(actor.UserId, jensId, scenario.Action, allowed: true);

            await using (var scope = factory.Services.CreateAsyncScope())
            {
                var service = scope.ServiceProvider.GetService(method.DeclaringType!);
                if (service is null)
                {
                    failures.Add($"{signature}: {method.DeclaringType!.Name} is not registered in the container");
                    continue;
                }
                await scenario.Invoke(service, actor, jensId, Ct);
            }

            var after = await CountAsync(actor.UserId, jensId, scenario.Action, allowed: true);
            if (after <= before)
                failures.Add($"{signature}: no {scenario.Action} record for {scenario.UserName} on Jens");
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public async Task A_refused_read_throws_and_is_logged()
    {
        var jensId = await factory.JensIdAsync(Ct);
        var nurse = await factory.ActorAsync("nurse.roskilde", Ct);
        var before = await CountAsync(nurse.UserId, jensId, AccessAction.Read, allowed: false);

        await using var scope = factory.Services.CreateAsyncScope();
        var overview = scope.ServiceProvider.GetRequiredService<PatientOverviewService>();
        await Assert.ThrowsAsync<PatientAccessDeniedException>(() => overview.GetAsync(nurse, jensId, Ct));

        Assert.Equal(before + 1, await CountAsync(nurse.UserId, jensId, AccessAction.Read, allowed: false));
        Assert.Equal(0, await CountAsync(nurse.UserId, jensId, AccessAction.Read, allowed: true));
    }

    [Fact]
    public async Task An_unknown_patient_id_throws_not_found_and_is_logged()
    {
        var gp = await factory.ActorAsync("gp.larsen", Ct);
        var before = await CountAsync(gp.UserId, null, AccessAction.Read, allowed: false);

        await using var scope = factory.Services.CreateAsyncScope();
        var overview = scope.ServiceProvider.GetRequiredService<PatientOverviewService>();
        var unknown = Guid.NewGuid();
        var ex = await Assert.ThrowsAsync<PatientNotFoundException>(() => overview.GetAsync(gp, unknown, Ct));

        Assert.Equal(unknown, ex.PatientId);
        Assert.Equal(before + 1, await CountAsync(gp.UserId, null, AccessAction.Read, allowed: false));
    }

    private async Task<int> CountAsync(string userId, Guid? patientId, AccessAction action, bool allowed)
    {
        await using var db = await factory.CreateDbContextAsync(Ct);
        return await db.AccessRecords.AsNoTracking()
            .CountAsync(r => r.UserId == userId && r.PatientId == patientId && r.Action == action && r.Allowed == allowed, Ct);
    }
}

public sealed class AccessLogTests_Sqlite(SqliteAppFactory factory) : AccessLogTests(factory), IClassFixture<SqliteAppFactory>;

public sealed class AccessLogTests_PostgreSql(PostgreSqlAppFactory factory) : AccessLogTests(factory), IClassFixture<PostgreSqlAppFactory>;
