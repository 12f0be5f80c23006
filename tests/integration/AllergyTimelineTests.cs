using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Medicines.Allergies;
using CareWorkspace.Domain.Pathway;
using CareWorkspace.IntegrationTests.Infrastructure;
using CareWorkspace.Web.Features.Consents;
using CareWorkspace.Web.Features.Medicines.Allergies;
using CareWorkspace.Web.Features.Timeline;

namespace CareWorkspace.IntegrationTests;

/// <summary>Recording, changing and removing an allergy (CAVE) puts an entry on the timeline, read only by those who may read the medication.</summary>
public abstract class AllergyTimelineTests(CareAppFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Recording_changing_and_removing_an_allergy_are_on_the_timeline_and_only_readers_of_the_medication_see_them()
    {
        var jensId = await factory.JensIdAsync(Ct);
        var gp = await factory.ActorAsync("gp.larsen", Ct);
        var substance = "Latex " + PathwayTestData.Unique();
        var id = await factory.CallAsync<AllergyRegisterService, Guid>(s => s.RecordAsync(gp, jensId,
            new AllergyDetails(substance, null, "Kontakteksem", AllergySeverity.Mild, AllergyCertainty.Suspected), Ct));
        var recorded = await ItemAsync(gp, jensId, id);
        await factory.CallAsync<AllergyRegisterService>(s => s.ChangeAsync(gp, jensId, id, recorded.Version,
            new AllergyDetails(substance, null, "Kontakteksem", AllergySeverity.Moderate, AllergyCertainty.Confirmed), Ct));
        var changed = await ItemAsync(gp, jensId, id);
        await factory.CallAsync<AllergyRegisterService>(s => s.ChangeStatusAsync(gp, jensId, id, changed.Version, AllergyStatus.EnteredInError,
            "Wrong patient's result", Ct));

        var mine = (await TimelineAsync(gp, jensId)).Where(e => e.Parameters?.GetValueOrDefault(PathwayEventParameters.Subject) == substance).ToList();

        Assert.Equal([PathwayEventKind.AllergyStatusChanged, PathwayEventKind.AllergyChanged, PathwayEventKind.AllergyRecorded], mine.Select(e => e.Kind));
        Assert.All(mine, e => Assert.Equal(PathwayEventType.Medication, e.Type));
        Assert.Equal("EnteredInError", mine[0].Parameters![PathwayEventParameters.Status]);
        Assert.All(mine, e => Assert.StartsWith("Peter Larsen", e.Parameters![PathwayEventParameters.By], StringComparison.Ordinal));

        // A relative whose consent covers the timeline but not the medication does not learn of the allergy there.
        var (relative, _, _) = await AccessTestData.NewRelativeAsync(factory, jensId, Ct);
        var consent = await factory.CallAsync<ConsentService, Guid>(s => s.GrantAsync(gp, jensId,
            new ConsentInput(relative.UserId, [PatientSection.MasterData, PatientSection.Timeline], null, "Allergy timeline test"), Ct));
        Assert.DoesNotContain(await TimelineAsync(relative, jensId), e => e.Type == PathwayEventType.Medication);
        var withMedication = await AccessTestData.NewRelativeAsync(factory, jensId, Ct);
        await factory.CallAsync<ConsentService, Guid>(s => s.GrantAsync(gp, jensId,
            new ConsentInput(withMedication.Item1.UserId, [PatientSection.MasterData, PatientSection.Timeline, PatientSection.Medication], null,
                "Allergy timeline test"), Ct));
        Assert.Contains(await TimelineAsync(withMedication.Item1, jensId), e => e.Parameters?.GetValueOrDefault(PathwayEventParameters.Subject) == substance);
        Assert.NotEqual(Guid.Empty, consent);
    }

    private async Task<AllergyItem> ItemAsync(Actor actor, Guid patientId, Guid id)
    {
        var view = await factory.CallAsync<AllergyRegisterService, AllergyRegisterView>(s => s.GetAsync(actor, patientId, Ct));
        return view.Active.Single(a => a.Id == id);
    }

    private async Task<IReadOnlyList<TimelineEntry>> TimelineAsync(Actor actor, Guid patientId) =>
        (await factory.CallAsync<TimelineService, TimelinePage>(s => s.GetAsync(actor, patientId, new TimelineFilter(Types: new HashSet<PathwayEventType>
            { PathwayEventType.Medication }), 0, TimelineService.MaxPageSize, Ct))).Entries;
}

public sealed class AllergyTimelineTests_Sqlite(SqliteAppFactory factory) : AllergyTimelineTests(factory), IClassFixture<SqliteAppFactory>;

public sealed class AllergyTimelineTests_PostgreSql(PostgreSqlAppFactory factory) : AllergyTimelineTests(factory), IClassFixture<PostgreSqlAppFactory>;
