using CareWorkspace.Domain.Access;
using CareWorkspace.Domain.Medicines;
using CareWorkspace.Domain.NationalSync;
using CareWorkspace.Infrastructure.Demo;
using CareWorkspace.Infrastructure.NationalServices;
using CareWorkspace.Infrastructure.NationalServices.Sandbox;
using CareWorkspace.Infrastructure.NationalServices.Sync;
using CareWorkspace.Infrastructure.Realtime;
using CareWorkspace.IntegrationTests.Infrastructure;
using CareWorkspace.Web.Features.Medicines;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareWorkspace.IntegrationTests.NationalSync;

/// <summary>
/// The medication sync on the real database, over HTTP against the sandbox: Jens' medications from the Shared
/// Medication Record become his medication list with their provenance, a re-run duplicates nothing, a newer version
/// updates the entry and reaches open sections live, an invalid resource is rejected while the rest of the Bundle is
/// imported, and a service that is down leaves the list as it was, marked "not updated since".
/// </summary>
public abstract class MedicationSyncTests(SandboxAppFactory factory) : IDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        factory.Faults.ClearAll();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async System.Threading.Tasks.Task Jens_medications_are_imported_with_their_provenance_and_a_re_run_duplicates_nothing()
    {
        await RunAsync();
        var second = await RunAsync();

        Assert.Equal(0, second.Imported);
        var jensId = await factory.JensIdAsync(Ct);
        await using var db = await factory.CreateDbContextAsync(Ct);
        var seeded = new[] { SandboxMedications.TiotropiumId, SandboxMedications.SalbutamolId, SandboxMedications.AtorvastatinId,
            SandboxMedications.PrednisoloneId, SandboxMedications.AlendronateId };
        var entries = await db.MedicationEntries.AsNoTracking().Where(m => m.PatientId == jensId).ToListAsync(Ct);
        foreach (var id in seeded)
            Assert.Single(entries, e => e.SourceId?.EndsWith("/" + id, StringComparison.Ordinal) == true);

        var tiotropium = entries.Single(e => e.SourceId == "MedicationStatement/" + SandboxMedications.TiotropiumId);
        Assert.Equal((MedicationSource.NationalRecord, MedicationStatus.Active, "R03BB04"), (tiotropium.Source, tiotropium.Status, tiotropium.AtcCode));
        Assert.Equal(("Spiriva Respimat", "2,5 mikrogram/dosis", "inhalationsvæske, opløsning"), (tiotropium.DrugName, tiotropium.Strength, tiotropium.Form));
        Assert.Equal(("2 pust 1 gang dagligt", "Inhalation", "mod KOL", SandboxMedications.Gp),
            (tiotropium.DoseText, tiotropium.Route, tiotropium.Indication, tiotropium.Prescriber));
        Assert.Equal("1", tiotropium.SourceVersion);
        Assert.NotNull(tiotropium.FetchedAt);
        Assert.True(entries.Single(e => e.SourceId == "MedicationStatement/" + SandboxMedications.SalbutamolId).AsNeeded);
        var statin = entries.Single(e => e.SourceId == "MedicationRequest/" + SandboxMedications.AtorvastatinId);
        Assert.Equal(("C10AA05", MedicationStatus.Active), (statin.AtcCode, statin.Status));
        var prednisolone = entries.Single(e => e.SourceId == "MedicationStatement/" + SandboxMedications.PrednisoloneId);
        Assert.Equal((MedicationStatus.Stopped, SandboxSeed.HospitalName), (prednisolone.Status, prednisolone.Organisation));
        Assert.NotNull(prednisolone.End);
        Assert.Equal(MedicationStatus.Paused, entries.Single(e => e.SourceId == "MedicationStatement/" + SandboxMedications.AlendronateId).Status);

        var provenance = await db.ImportedItems.AsNoTracking()
            .SingleAsync(i => i.Service == NationalService.Medication && i.SourceId == "MedicationStatement/" + SandboxMedications.TiotropiumId, Ct);
        Assert.Equal((jensId, "1"), (provenance.PatientId, provenance.Version));
        Assert.True(await db.AccessRecords.AnyAsync(r => r.PatientId == jensId && r.Section == PatientSection.Medication
            && r.UserDisplayName == "System: national services sync" && r.Allowed, Ct));
    }

    [Fact]
    public async System.Threading.Tasks.Task A_newer_version_updates_the_entry_once_and_reaches_the_open_section_live_and_a_withdrawn_one_leaves_the_list()
    {
        var jensId = await factory.JensIdAsync(Ct);
        var id = "test-" + Guid.NewGuid().ToString("N");
        Place(Statement(id, MedicationStatement.MedicationStatusCodes.Active));
        await RunAsync();
        Guid entryId;
        await using (var db = await factory.CreateDbContextAsync(Ct))
            entryId = (await db.MedicationEntries.AsNoTracking().SingleAsync(m => m.SourceId == "MedicationStatement/" + id, Ct)).Id;
        using var probe = new ChangeProbe<bool>(factory.Services.GetRequiredService<IPathwayNotifier>(), jensId, PatientSection.Medication,
            _ => System.Threading.Tasks.Task.FromResult(true));

        Place(Statement(id, MedicationStatement.MedicationStatusCodes.OnHold));
        var update = await RunAsync();
        var again = await RunAsync();

        Assert.True(update.Imported >= 1);
        Assert.Equal(0, again.Imported);
        await probe.ArrivalAsync(entryId, Ct);
        await using (var db = await factory.CreateDbContextAsync(Ct))
        {
            var entry = await db.MedicationEntries.AsNoTracking().SingleAsync(m => m.SourceId == "MedicationStatement/" + id, Ct);
            Assert.Equal((entryId, MedicationStatus.Paused, "2"), (entry.Id, entry.Status, entry.SourceVersion));
            Assert.Equal("2", (await db.ImportedItems.AsNoTracking().SingleAsync(i => i.SourceId == "MedicationStatement/" + id, Ct)).Version);
        }

        Place(Statement(id, MedicationStatement.MedicationStatusCodes.EnteredInError));
        await RunAsync();

        await using var after = await factory.CreateDbContextAsync(Ct);
        Assert.False(await after.MedicationEntries.AnyAsync(m => m.SourceId == "MedicationStatement/" + id, Ct));
    }

    [Fact]
    public async System.Threading.Tasks.Task An_invalid_resource_in_an_otherwise_good_Bundle_is_rejected_with_its_reason_and_the_rest_is_imported()
    {
        var good = "test-" + Guid.NewGuid().ToString("N");
        var invalid = "test-" + Guid.NewGuid().ToString("N");
        var draft = "test-" + Guid.NewGuid().ToString("N");
        Place(Statement(good, MedicationStatement.MedicationStatusCodes.Active));
        factory.Sandbox.Place(NationalService.Medication, Statement(invalid, MedicationStatement.MedicationStatusCodes.Active).ToJson()
            .Replace("\"status\":", "\"renderedDosageInstruction\":\"R5 only\",\"status\":", StringComparison.Ordinal), DemoDataSeeder.JensCpr);
        factory.Sandbox.Place(NationalService.Medication, new MedicationRequest
        {
            Id = draft,
            Status = MedicationRequest.MedicationrequestStatus.Draft,
            Intent = MedicationRequest.MedicationRequestIntent.Order,
            Medication = new CodeableConcept(MedicationRecordReading.AtcSystem, "R03AC02", "Salbutamol"),
            Subject = new ResourceReference { Identifier = new Identifier(DkIdentifiers.Cpr, DemoDataSeeder.JensCpr) },
        }.ToJson(), DemoDataSeeder.JensCpr);

        var first = await RunAsync();
        var second = await RunAsync();

        Assert.True(first.Rejected >= 2);
        Assert.Equal(0, second.Rejected);
        await using var db = await factory.CreateDbContextAsync(Ct);
        Assert.True(await db.MedicationEntries.AnyAsync(m => m.SourceId == "MedicationStatement/" + good, Ct));
        Assert.False(await db.MedicationEntries.AnyAsync(m => m.SourceId == "MedicationStatement/" + invalid || m.SourceId == "MedicationRequest/" + draft, Ct));
        var rejected = await db.ParkedImports.AsNoTracking().SingleAsync(p => p.SourceId == "MedicationStatement/" + invalid, Ct);
        Assert.Equal(ParkedImportState.Rejected, rejected.State);
        Assert.Contains("renderedDosageInstruction", rejected.Reason, StringComparison.Ordinal);
        Assert.Contains("R5 only", rejected.Payload, StringComparison.Ordinal);
        var refused = await db.ParkedImports.AsNoTracking().SingleAsync(p => p.SourceId == "MedicationRequest/" + draft, Ct);
        Assert.Equal("A draft prescription is not part of the medication record.", refused.Reason);
    }

    [Fact]
    public async System.Threading.Tasks.Task A_medication_that_fails_to_import_is_kept_for_a_retry_on_its_own_and_the_rest_of_its_page_is_imported()
    {
        var jensId = await factory.JensIdAsync(Ct);
        var moved = "test-" + Guid.NewGuid().ToString("N");
        var good = "test-" + Guid.NewGuid().ToString("N");
        Place(Statement(moved, MedicationStatement.MedicationStatusCodes.Active));
        await RunAsync();
        string otherCpr;
        await using (var db = await factory.CreateDbContextAsync(Ct))
            otherCpr = (await db.Patients.AsNoTracking().Where(p => p.Id != jensId).Select(p => p.Cpr).FirstAsync(Ct)).Value;

        // The page imports together; the medication now naming another patient fails it, so the page is imported item by item.
        factory.Sandbox.Place(NationalService.Medication, Statement(moved, MedicationStatement.MedicationStatusCodes.OnHold, otherCpr).ToJson(), otherCpr);
        Place(Statement(good, MedicationStatement.MedicationStatusCodes.Active));
        var run = await RunAsync();

        Assert.Equal(1, run.Parked);
        await using var after = await factory.CreateDbContextAsync(Ct);
        Assert.Equal(jensId, (await after.MedicationEntries.AsNoTracking().SingleAsync(m => m.SourceId == "MedicationStatement/" + good, Ct)).PatientId);
        var kept = await after.MedicationEntries.AsNoTracking().SingleAsync(m => m.SourceId == "MedicationStatement/" + moved, Ct);
        Assert.Equal((jensId, MedicationStatus.Active), (kept.PatientId, kept.Status));
        var parked = await after.ParkedImports.AsNoTracking().SingleAsync(p => p.SourceId == "MedicationStatement/" + moved, Ct);
        Assert.Equal(ParkedImportState.Retrying, parked.State);
        Assert.Contains("now names another patient", parked.Reason, StringComparison.Ordinal);
        // Its own payload, exactly as the service sent it (read from the page when it was parked), not the page's nor another entry's.
        var payload = System.Text.Json.Nodes.JsonNode.Parse(parked.Payload)!;
        Assert.Equal(("MedicationStatement", moved, "on-hold", otherCpr),
            ((string?)payload["resourceType"], (string?)payload["id"], (string?)payload["status"], (string?)payload["subject"]!["identifier"]!["value"]));
        Assert.DoesNotContain(good, parked.Payload, StringComparison.Ordinal);
        // Not tried again in the other tests' runs.
        await after.ParkedImports.Where(p => p.Id == parked.Id).ExecuteDeleteAsync(Ct);
    }

    [Fact]
    public async System.Threading.Tasks.Task When_the_record_is_down_the_section_keeps_the_list_and_says_it_is_not_updated_since_the_last_sync()
    {
        await RunAsync();
        var gp = await factory.ActorAsync("gp.larsen", Ct);
        var jensId = await factory.JensIdAsync(Ct);
        var before = await ViewAsync(gp, jensId);
        Assert.False(before.Record.NotUpdated);
        Assert.NotNull(before.Record.LastSuccessAt);

        factory.Faults.Set(NationalService.Medication, SandboxFault.Down);
        var failure = await Assert.ThrowsAsync<NationalServiceException>(RunAsync);
        var down = await ViewAsync(gp, jensId);
        factory.Faults.ClearAll();
        await RunAsync();
        var back = await ViewAsync(gp, jensId);

        Assert.Equal(NationalServiceFailure.Unreachable, failure.Failure);
        Assert.True(down.Record.NotUpdated);
        Assert.Equal(before.Record.LastSuccessAt, down.Record.LastSuccessAt);
        Assert.Contains(down.Active, m => m.AtcCode == "R03BB04" && m.Source == MedicationSource.NationalRecord);
        Assert.Contains(down.Active, m => m.AtcCode == "R03AC02" && m.AsNeeded);
        Assert.Contains(down.Paused, m => m.AtcCode == "M05BA04");
        Assert.Contains(down.Stopped, m => m.AtcCode == "H02AB06");
        Assert.False(back.Record.NotUpdated);
    }

    [Fact]
    public async System.Threading.Tasks.Task Open_sections_hear_once_when_the_record_stops_being_updated_and_once_when_it_is_updated_again()
    {
        await RunAsync();
        var notifier = factory.Services.GetRequiredService<IPathwayNotifier>();
        var key = AudienceKey.NationalServiceStatusOf(NationalService.Medication);
        var heard = System.Threading.Channels.Channel.CreateUnbounded<PathwayChange>();
        using var section = notifier.SubscribeNamed(key, change =>
        {
            // Not the test's token here: the notifier's loop may run in the context of the test that started it.
            heard.Writer.TryWrite(change);
            return System.Threading.Tasks.Task.CompletedTask;
        });

        factory.Faults.Set(NationalService.Medication, SandboxFault.Down);
        await Assert.ThrowsAsync<NationalServiceException>(RunAsync);
        var stopped = await heard.Reader.ReadAsync(Ct).AsTask().WaitAsync(PathwayTestData.SignalTimeout, Ct);
        await Assert.ThrowsAsync<NationalServiceException>(RunAsync);
        factory.Faults.ClearAll();
        await RunAsync();
        var updatedAgain = await heard.Reader.ReadAsync(Ct).AsTask().WaitAsync(PathwayTestData.SignalTimeout, Ct);
        await RunAsync();
        // A marker sent after the runs arrives after any notice they sent: nothing came between (no second "stopped", no
        // notice for a run that changed nothing).
        notifier.PathwayChanged(new PathwayChange(Guid.Empty, PatientSection.Timeline) { SeenBy = [key] });
        var next = await heard.Reader.ReadAsync(Ct).AsTask().WaitAsync(PathwayTestData.SignalTimeout, Ct);

        Assert.Equal((Guid.Empty, PatientSection.Medication), (stopped.PatientId, stopped.Section));
        Assert.Equal((Guid.Empty, PatientSection.Medication), (updatedAgain.PatientId, updatedAgain.Section));
        Assert.Equal(PatientSection.Timeline, next.Section);
    }

    [Fact]
    public async System.Threading.Tasks.Task One_patients_medications_are_read_by_CPR_a_page_at_a_time_through_next_links()
    {
        const string cpr = "0101701234";
        var subject = new ResourceReference { Identifier = new Identifier(DkIdentifiers.Cpr, cpr) };
        var drug = SandboxMedications.Drug("C10AA05", "Atorvastatin", "tabletter", 20m, "mg", null);
        for (var i = 0; i < SandboxSearch.DefaultCount + 5; i++)
            factory.Sandbox.Place(NationalService.Medication, SandboxMedications.Statement($"paging-{i}", subject, drug, "1 tablet om aftenen", asNeeded: false,
                "Oral anvendelse", "forebyggelse", new DateOnly(2026, 1, 1), null, MedicationStatement.MedicationStatusCodes.Active,
                new ResourceReference { Display = "Test" }).ToJson(), cpr);

        var pages = new List<int>();
        await foreach (var page in factory.Services.GetRequiredService<IMedicationRecord>()
            .ForPatientAsync(Domain.Patients.Cpr.Parse(cpr, Domain.Common.CopenhagenTime.Today(TimeProvider.System)), Ct))
        {
            Assert.Empty(page.Rejected);
            Assert.All(page.Items, m => Assert.Equal(cpr, m.Item.Cpr.Value));
            pages.Add(page.Items.Count);
        }

        Assert.Equal([SandboxSearch.DefaultCount, 5, 0], pages);
    }

    private async Task<MedicationView> ViewAsync(Actor actor, Guid patientId)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<MedicationListService>().GetAsync(actor, patientId, Ct);
    }

    private async Task<SyncCounts> RunAsync()
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<MedicationSyncJob>().RunAsync(Ct);
    }

    private void Place(Resource resource) => factory.Sandbox.Place(NationalService.Medication, resource.ToJson(), DemoDataSeeder.JensCpr);

    private static MedicationStatement Statement(string id, MedicationStatement.MedicationStatusCodes status, string cpr = DemoDataSeeder.JensCpr) =>
        SandboxMedications.Statement(id, new ResourceReference { Identifier = new Identifier(DkIdentifiers.Cpr, cpr) },
            SandboxMedications.Drug("R03BB04", "Spiriva Respimat", "inhalationsvæske, opløsning", 2.5m, "mikrogram", "dosis"),
            "2 pust 1 gang dagligt", asNeeded: false, "Inhalation", "mod KOL", new DateOnly(2026, 1, 5), null, status, new ResourceReference { Display = "Test" });
}

public sealed class MedicationSyncTests_Sqlite(RoomySandboxSqliteAppFactory factory)
    : MedicationSyncTests(factory), IClassFixture<RoomySandboxSqliteAppFactory>;

public sealed class MedicationSyncTests_PostgreSql(RoomySandboxPostgreSqlAppFactory factory)
    : MedicationSyncTests(factory), IClassFixture<RoomySandboxPostgreSqlAppFactory>;
